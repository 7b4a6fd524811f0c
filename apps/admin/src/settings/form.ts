import type { Inputs, Outputs } from '../shared/types.ts';

export type Form = Inputs['store']['updateSettings'];
export type Settings = Form['settings'];
export type Loaded = Outputs['store']['settings'];

export const formOf = (s: Loaded): Form => ({
  name: s.name,
  slug: s.slug,
  currency: s.currency,
  timezone: s.timezone,
  locale: s.locale,
  staffLanguage: s.staffLanguage,
  guestLanguages: s.guestLanguages,
  openingHours: s.openingHours,
  settings: s.settings,
});

/** What a card edits: the form, and a way to change part of it. */
export interface CardProps {
  form: Form;
  set: (change: Partial<Form>) => void;
  setSettings: (change: Partial<Settings>) => void;
}
