import type { GroundCode } from '../decide/grounds.js';

/**
 * The standard motivation per ground, in Dutch, for the decision letter's annex. A Woo-team
 * adapts these to the dossier; they state the legal test each ground asks for (absolute grounds:
 * no weighing; relative grounds and 5.2: weighed against the public interest in disclosure).
 */
export const MOTIVATIONS: Readonly<Record<GroundCode, string>> = {
  '5.1.1a': 'Informatie wordt niet openbaar gemaakt voor zover openbaarmaking de eenheid van de Kroon in gevaar zou kunnen brengen. Dit is een absolute weigeringsgrond: een belangenafweging is niet nodig.',
  '5.1.1b': 'Informatie wordt niet openbaar gemaakt voor zover openbaarmaking de veiligheid van de Staat zou kunnen schaden. Dit is een absolute weigeringsgrond: een belangenafweging is niet nodig.',
  '5.1.1c': 'Bedrijfs- en fabricagegegevens die vertrouwelijk aan de overheid zijn meegedeeld, worden niet openbaar gemaakt. Dit is een absolute weigeringsgrond: een belangenafweging is niet nodig.',
  '5.1.1d': 'Bijzondere persoonsgegevens (paragraaf 3.1 van de Algemene verordening gegevensbescherming), zoals gegevens over gezondheid, godsdienst of strafrechtelijke gegevens, worden niet openbaar gemaakt, tenzij openbaarmaking kennelijk geen inbreuk op de persoonlijke levenssfeer maakt. Dit is een absolute weigeringsgrond.',
  '5.1.1e': 'Identificatienummers als bedoeld in artikel 46 van de Uitvoeringswet Algemene verordening gegevensbescherming, zoals het burgerservicenummer, worden niet openbaar gemaakt, tenzij de verstrekking kennelijk geen inbreuk op de persoonlijke levenssfeer maakt. Dit is een absolute weigeringsgrond.',
  '5.1.2a': 'Het belang van openbaarheid is afgewogen tegen het belang van de betrekkingen van Nederland met andere staten en met internationale organisaties. Voor de gelakte passages weegt dat laatste belang zwaarder: openbaarmaking zou het vertrouwen van die staten en organisaties kunnen schaden.',
  '5.1.2b': 'Het belang van openbaarheid is afgewogen tegen de economische of financiële belangen van de Staat en van andere publiekrechtelijke lichamen. Voor de gelakte passages wegen die belangen zwaarder.',
  '5.1.2c': 'Het belang van openbaarheid is afgewogen tegen het belang van de opsporing en vervolging van strafbare feiten. Voor de gelakte passages weegt dat belang zwaarder.',
  '5.1.2d': 'Het belang van openbaarheid is afgewogen tegen het belang van inspectie, controle en toezicht door bestuursorganen. Openbaarmaking van de gelakte passages zou de effectiviteit van het toezicht kunnen ondermijnen; dat belang weegt zwaarder.',
  '5.1.2e': 'Het belang van openbaarheid is afgewogen tegen het belang van de eerbiediging van de persoonlijke levenssfeer. De namen en directe contactgegevens (e-mailadressen, directe en mobiele telefoonnummers, handtekeningen en parafen) van ambtenaren en derden, en andere gegevens die tot een persoon te herleiden zijn, zijn niet openbaar gemaakt: het belang van hun persoonlijke levenssfeer weegt zwaarder dan het publieke belang bij openbaarmaking van deze gegevens. Namen van personen die uit hoofde van hun functie in de openbaarheid treden, zoals bewindspersonen, Kamerleden, burgemeesters en wethouders en de ambtelijke top, zijn niet gelakt.',
  '5.1.2f': 'Het belang van openbaarheid is afgewogen tegen het belang van het voorkomen van onevenredige bevoordeling of benadeling van de betrokken natuurlijke personen of rechtspersonen. Concurrentiegevoelige bedrijfs- en fabricagegegevens zijn daarom niet openbaar gemaakt.',
  '5.1.2g': 'Het belang van openbaarheid is afgewogen tegen het belang van de bescherming van het milieu waarop de informatie betrekking heeft. Voor de gelakte passages weegt dat belang zwaarder.',
  '5.1.2h': 'Het belang van openbaarheid is afgewogen tegen het belang van de beveiliging van personen en bedrijven en het voorkomen van sabotage. Voor de gelakte passages weegt dat belang zwaarder.',
  '5.1.2i': 'Het belang van openbaarheid is afgewogen tegen het belang van het goed functioneren van de Staat en andere bestuursorganen. Openbaarmaking van de gelakte passages zou dat functioneren onevenredig schaden; dat belang weegt zwaarder.',
  '5.1.5': 'Informatie is niet openbaar gemaakt omdat openbaarmaking zou leiden tot onevenredige benadeling van een ander belang dan de in artikel 5.1, eerste en tweede lid, genoemde belangen, en het algemeen belang van openbaarheid niet tegen die benadeling opweegt.',
  '5.2': 'In documenten opgesteld ten behoeve van intern beraad zijn persoonlijke beleidsopvattingen niet openbaar gemaakt. Feiten, prognoses, beleidsalternatieven en andere onderdelen met een objectief karakter zijn openbaar gemaakt. Waar dat in het belang van een goede en democratische bestuursvoering is, zijn beleidsopvattingen in niet tot personen herleidbare vorm openbaar gemaakt (artikel 5.2, tweede en derde lid).',
};
