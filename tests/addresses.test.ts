import { describe, expect, it } from 'vitest';
import { redactText } from '../src/api.js';

/** The address values a text's redaction removes, as source substrings. */
function redactedAddresses(text: string): Set<string> {
  const result = redactText(text);
  return new Set(result.manifest.redactions.filter((r) => r.entity === 'address').map((r) => text.slice(r.start, r.end)));
}

describe("citizens' addresses are redacted by default", () => {
  it.each([
    ['street, number, postcode and place in running text', 'De klacht betreft de woning aan de Kerkstraat 12, 3511 AB Utrecht.\n', ['Kerkstraat 12, 3511 AB Utrecht']],
    ['a street with a title and a letter after the number', 'Het gaat om de Prinses Beatrixlaan 12a en de tuin.\n', ['Prinses Beatrixlaan 12a']],
    ['a street that starts with its kind', 'Zij meldde overlast op de Laan van Meerdervoort 1204 bis.\n', ['Laan van Meerdervoort 1204 bis']],
    ['Amsterdam house numbers', 'Melding over Eerste Looiersdwarsstraat 12-III en Weesperzijde 80 hs.\n', ['Eerste Looiersdwarsstraat 12-III', 'Weesperzijde 80 hs']],
    ['a square named only by its kind', 'De bewoners van Markt 7 klaagden.\n', ['Markt 7']],
    ['an address block under an addressee', 'Retouradres Postbus 20301 2500 EH Den Haag\n\nDe heer A.B. Jansen\nSchoolstraat 3\n9876 ZX Hoogezand-Sappemeer\n\nDatum 3 mei 2024\n', ['Schoolstraat 3\n9876 ZX Hoogezand-Sappemeer']],
    ['an address block under initials and a surname only', 'J. Pietersen\nVoorstraat 44\n3311 ER Dordrecht\n', ['Voorstraat 44\n3311 ER Dordrecht']],
    ['a place of several words', 'Hij woont aan de Dorpsweg 9, 2404 AA Alphen aan den Rijn.\n', ['Dorpsweg 9, 2404 AA Alphen aan den Rijn']],
    ["a place with 's-", 'Adres: Lindelaan 3, 5211 AB \'s-Hertogenbosch\n', ["Lindelaan 3, 5211 AB 's-Hertogenbosch"]],
    ['a street abbreviated as on a form', 'Adres aanvrager: Kerkstr. 12\n', ['Kerkstr. 12']],
    ['a house number named as such', 'Het gaat om huisnummer 18 en huisnr. 20a.\n', ['18', '20a']],
    ['a house by its resident', 'De bewoner van nummer 26 en de buren op nr. 28 zijn gehoord.\n', ['26', '28']],
  ])('redacts %s', (_name, text, expected) => {
    expect(redactedAddresses(text)).toEqual(new Set(expected));
  });
});

describe('government buildings and Postbus addresses stay readable', () => {
  it.each([
    ['a visiting address in a letterhead', 'Directie Wetgeving\nBezoekadres\nTurfmarkt 147\n2511 DP Den Haag\n\nPostbus 20301\n2500 EH Den Haag\nwww.rijksoverheid.nl\n'],
    ['a letterhead in the right column next to the addressee', 'De heer A.B. Jansen\t\tBezoekadres\nSchoolstraat 3\t\tTurfmarkt 147\n9876 ZX Hoogezand\t\t2511 DP Den Haag\n'],
    ['a Postbus in running text', 'Stuur uw bezwaar naar de Directie Juridische Zaken, Postbus 20201, 2500 EE Den Haag.\n'],
    ['a return address line', '> Retouradres Postbus 43006 3540 AA Utrecht\n'],
    ['a signature block of a municipality', 'Met vriendelijke groet,\n\nWonen\nGemeente Amsterdam\n\nJodenbreestraat 25, 1011 NH Amsterdam\n'],
    ['a company signature with a PO Box', 'Voorbeeld Holding B V\nCorrespondence PO Box 162 2501 AN The Hague NL\nOffice Voorbeeldlaan 30 2596 HR The Hague NL\n'],
  ])('keeps %s', (_name, text) => {
    expect(redactedAddresses(text)).toEqual(new Set(expected(text)));
  });

  function expected(text: string): string[] {
    // Only a citizen's block is redacted in these texts.
    return text.includes('Schoolstraat') ? ['Schoolstraat 3', '9876 ZX Hoogezand'] : [];
  }
});

describe('no address', () => {
  it.each([
    'Stand van de Uitvoering 2026\n',
    'Amsterdam 750 jaar: het programmaplan.\n',
    '458   9-3-2020 FW: foto locatiebezoek Schouwburg 6 maart 2020\n',
    '26-5-2020 NO Vaststelling tarieven\n',
    'Verzonden: 3-2-2020 RE: overleg\n2019 FW\n',
    'Stuurgroep Nieuwe Schouwburg 08/10\n',
    'We zagen in de haven 2 schepen.\n',
  ])('in %j', (text) => {
    expect(redactedAddresses(text)).toEqual(new Set());
  });
});
