// Words for what the API names by code: states, statuses, event types, and a one-line
// description of each kind of event built from its data.

const STATE_NAMES = {
  ARM: 'Armenia', AZE: 'Azerbaijan', BLR: 'Belarus', GEO: 'Georgia', KAZ: 'Kazakhstan',
  KGZ: 'Kyrgyzstan', RUS: 'Russia', TJK: 'Tajikistan', UZB: 'Uzbekistan',
};

const SLUG_NAMES = {
  'collective-security-council': 'Collective Security Council',
  'collective-security-treaty': 'Collective Security Treaty',
  'secretary-general': 'Secretary General',
  crrf: 'Collective Rapid Reaction Forces',
  csto: 'CSTO',
};

/** A slug as words: 'collective-security-council' → 'Collective Security Council'. */
export function slugName(slug) {
  if (!slug) return '';
  return SLUG_NAMES[slug] ?? String(slug).replace(/-/g, ' ');
}

export function stateName(code, fallback) {
  return fallback || STATE_NAMES[code] || code || 'unknown state';
}

/** "SecretaryGeneralAppointed" → "Secretary general appointed". */
export function typeLabel(type) {
  const words = String(type ?? 'Event').replace(/^.*\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DESCRIBE = {
  StateAcceded: (d) => `${stateName(d.state)} acceded${d.basis ? `: ${d.basis}` : ''}`,
  MembershipSuspended: (d) => `${stateName(d.state)}'s membership suspended`,
  ParticipationFrozen: (d) => `${stateName(d.state)} froze its participation`,
  MembershipResumed: (d) => `${stateName(d.state)} resumed full membership`,
  StateWithdrew: (d) => `${stateName(d.state)} withdrew`,
  ChairmanshipAssumed: (d) => `${stateName(d.state)} took the chairmanship`,
  SecretaryGeneralAppointed: (d) => `${d.name ?? d.personId} appointed Secretary General`,
  ActingSecretaryGeneralDesignated: (d) => `${d.name ?? d.personId} designated acting Secretary General`,
  SecretaryGeneralTermEnded: (d) => `Term of Secretary General ${d.name ?? d.personId} ended`,
  OrganizationEstablished: (d) => `${d.name ?? 'The organization'} established`,
  DocumentSigned: (d) => `${d.title ?? d.document} signed${d.place ? ` in ${d.place}` : ''}`,
  DocumentEnteredIntoForce: (d) => `${d.title ?? slugName(d.document)} entered into force`,
  DocumentRatified: (d) => `${stateName(d.state)} ratified the ${d.title ?? slugName(d.document)}`,
  SessionHeld: (d) => `${d.title ?? `Session of the ${slugName(d.body)}`}${d.place ? ` in ${d.place}` : ''}`,
  DecisionAdopted: (d) => `Decision adopted: ${d.title ?? slugName(d.document)}`,
  BodyEstablished: (d) => `${d.name ?? slugName(d.body)} established`,
  BodyRenamed: (d) => `${slugName(d.body)} renamed ${d.newName}`,
  BodyDissolved: (d) => `${slugName(d.body)} dissolved`,
  ExerciseHeld: (d) => `Exercise ${d.name ?? d.exercise}${d.place ? ` in ${d.place}` : ''}`,
  OperationConducted: (d) => `Operation ${d.name ?? d.operation}`,
  FigureReported: (d) => `${d.measure ?? 'Figure'} of the ${slugName(d.subject)}: ${quantityText(d.quantity)}`,
  EventCorrected: (d) => `Correction: ${d.reason ?? 'an earlier event was corrected'}`,
  EventRetracted: (d) => `Retraction: ${d.reason ?? 'an earlier event was retracted'}`,
};

/** One line saying what an event records; the API's own summary wins when it gives one. */
export function describeEvent(event) {
  if (event.summary) return event.summary;
  if (event.title) return event.title;
  const type = String(event.type ?? '').replace(/^.*\./, '');
  const describe = DESCRIBE[type];
  try {
    if (describe && event.data) return describe(event.data);
  } catch {
    // Data of an unexpected shape: fall back to the type.
  }
  return typeLabel(type);
}

function quantityText(quantity) {
  if (!quantity) return 'unknown';
  const comparator = { '>': 'more than ', '>=': 'at least ', '<': 'fewer than ', '<=': 'at most ', '~': 'about ', '=': '' };
  const amount = Number(quantity.amount).toLocaleString('en');
  return `${comparator[quantity.comparator] ?? ''}${amount} ${quantity.unit ?? ''}`.trim();
}
