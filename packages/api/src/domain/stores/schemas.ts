import { LANGUAGES } from '@kds/i18n';
import { z } from 'zod';
import { inputError } from '../errors.ts';
import { TypedPhone } from '../phone-input.ts';
import { TEMPLATE_PLACEHOLDERS } from '../notifications/templates.ts';

export const PickupSlotsInput = z.object({ storeSlug: z.string().trim().min(1).max(63) });
export type PickupSlotsInput = z.infer<typeof PickupSlotsInput>;

const TemplateText = z
  .string()
  .trim()
  .max(320, inputError('textLength'))
  .refine(
    (t) =>
      [...t.matchAll(/\{(\w+)\}/g)].every((m) => TEMPLATE_PLACEHOLDERS.includes(m[1] as never)),
    {
      message: inputError('placeholders', {
        placeholders: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' '),
      }),
    },
  );

const Thresholds = z
  .object({
    warnMinutes: z.number().int().min(1).max(240),
    lateMinutes: z.number().int().min(1).max(480),
  })
  .refine((t) => t.lateMinutes > t.warnMinutes, { message: inputError('lateAfterWarn') });

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, inputError('clock'));

/** The part of a store's address guests type and QR codes carry: `/order/<slug>`. */
export const StoreSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, inputError('slug'));

/** An ISO 4217 code this runtime can format (USD, EUR, GBP, JPY, ...). */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => Intl.supportedValuesOf('currency').includes(code), {
    message: inputError('currency'),
  });

/** A locale with its region ("es-MX", "en-US"): the clock, the formats, the phone country. */
export const StoreLocale = z
  .string()
  .trim()
  .refine(
    (tag) => {
      try {
        const locale = new Intl.Locale(tag);
        return Boolean(locale.region) && locale.toString() === tag;
      } catch {
        return false;
      }
    },
    { message: inputError('locale') },
  );

/** The languages guests may choose, the default first; each once. */
export const GuestLanguages = z
  .array(z.enum(LANGUAGES))
  .min(1, inputError('oneLanguage'))
  .refine((list) => new Set(list).size === list.length, {
    message: inputError('eachLanguageOnce'),
  });

export const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: inputError('timeZone') },
);

export const OpeningHours = z
  .array(
    z
      .object({ day: z.number().int().min(0).max(6), opens: LocalTime, closes: LocalTime })
      .refine((i) => i.closes !== i.opens, { message: inputError('opensCloses') }),
  )
  .max(28);

export const StoreLocation = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/** Everything a manager may set about a store; checked as a whole, saved as a whole. */
export const StoreSettingsInput = z.object({
  name: z.string().trim().min(1).max(80),
  slug: StoreSlug,
  currency: Currency,
  timezone: TimeZone,
  /** Left out, the store's languages stay as they are. */
  locale: StoreLocale.optional(),
  staffLanguage: z.enum(LANGUAGES).optional(),
  guestLanguages: GuestLanguages.optional(),
  openingHours: OpeningHours,
  settings: z.object({
    paymentMode: z.enum(['online', 'counter', 'both']),
    ticketThresholds: z.object({ dine_in: Thresholds, pickup: Thresholds, delivery: Thresholds }),
    notifications: z.object({
      sms: z.boolean(),
      call: z.boolean(),
      email: z.boolean(),
      staffEmails: z.array(z.email().toLowerCase()).max(10),
      smsStarted: z.boolean().optional(),
      templates: z
        .object({
          smsConfirmation: TemplateText,
          smsStarted: TemplateText,
          smsReady: TemplateText,
          callReady: TemplateText,
          smsOnTheWay: TemplateText,
          smsPaymentLink: TemplateText,
        })
        .partial()
        .optional(),
      escalation: z
        .object({
          phones: z.array(TypedPhone).max(5),
          afterMinutes: z.number().int().min(1).max(240),
        })
        .optional(),
    }),
    pickupCodeRequired: z.boolean(),
    taxRateBps: z.number().int().min(0).max(5000),
    tipPresetsPercent: z.array(z.number().int().min(1).max(100)).max(5),
    deliveryRadiusMeters: z.number().int().min(0).max(100_000),
    defaultPrepMinutes: z.number().int().min(1).max(240),
    paymentExpiryMinutes: z.number().int().min(30).max(1440),
    paymentLinkMinutes: z.number().int().min(30).max(2880).optional(),
    phone: TypedPhone.optional(),
    webhookAlertMinutes: z.number().int().min(1).max(1440).optional(),
    location: StoreLocation.optional(),
    pickupCodeValidMinutes: z.number().int().min(5).max(1440).optional(),
    allowAddToOrder: z.boolean().optional(),
    scheduledSlotCapacity: z.number().int().min(1).max(100).optional(),
    retentionDays: z.number().int().min(1).max(3650).optional(),
  }),
});
export type StoreSettingsInput = z.infer<typeof StoreSettingsInput>;
