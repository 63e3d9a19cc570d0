import type { StructuredDocument } from '../document/document.js';
import type { Finding } from '../document/types.js';
import { foldForMatching } from '../structure/fuzzy.js';
import type { Section } from '../structure/types.js';
import type { GroundCode } from './grounds.js';
import type { Policy } from './policy.js';

/** The section's body without the blank lines around it, so the layout around the box stays. */
function trimmedBody(text: string, section: Section): { start: number; end: number } {
  let { start, end } = section.body;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

function sectionFinding(text: string, section: Section, ground: GroundCode, detector: string): Finding | null {
  const body = trimmedBody(text, section);
  if (body.end <= body.start) return null;
  return {
    id: `${detector}@${body.start}-${body.end}`,
    entity: 'section',
    span: body,
    detector,
    confidence: 1,
    suggestedGround: ground,
    evidence: [`section ${section.number}`],
  };
}

function documentFinding(doc: StructuredDocument, ground: GroundCode, detector: string): Finding {
  return {
    id: `${detector}@0-${doc.text.length}`,
    entity: 'document',
    span: { start: 0, end: doc.text.length },
    detector,
    confidence: 1,
    suggestedGround: ground,
  };
}

/**
 * Sections and whole documents withheld under a ground: by a rule in the policy, or by the nota's
 * own declaration ("paragraaf 3.2 valt onder 5.1.2i", "deze nota wordt in zijn geheel niet
 * openbaar gemaakt"). The heading stays readable; the body goes.
 */
export function withheldParts(doc: StructuredDocument, policy: Policy): Finding[] {
  const out: Finding[] = [];
  const sections = doc.structure.sections;
  for (const rule of policy.withhold) {
    if (rule.document) out.push(documentFinding(doc, rule.ground, 'policy:withhold'));
    for (const s of sections) {
      const match =
        (rule.section !== undefined && s.number === rule.section) ||
        (rule.heading !== undefined && foldForMatching(s.title).includes(foldForMatching(rule.heading)));
      if (!match) continue;
      const f = sectionFinding(doc.text, s, rule.ground, 'policy:withhold');
      if (f) out.push(f);
    }
  }
  if (policy.applyDeclarations) {
    for (const d of doc.structure.declarations) {
      const ground = d.grounds[0];
      if (!ground) continue;
      if (d.scope.kind === 'document') out.push(documentFinding(doc, ground, 'declaration'));
      if (d.scope.kind === 'section') {
        const ref = d.scope.ref;
        const s = sections.find((x) => x.number === ref);
        // Never withhold the declaring section itself because it mentions its own number.
        if (s && !s.withheldInfoSection) {
          const f = sectionFinding(doc.text, s, ground, 'declaration');
          if (f) out.push(f);
        }
      }
    }
  }
  return out;
}
