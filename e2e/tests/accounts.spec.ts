import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, staffApi } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function signIn(page: Page, email: string, password = 'demo') {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a manager invites a cook, who creates their account from the link and works the line', async ({
  page,
  browser,
}) => {
  await signIn(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Staff' }).click();
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Name').fill('Rosa Line');
  await invite.getByLabel('Email').fill('rosa@demo.test');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  // No mail server in the demo: the manager is given the link to hand over.
  const link = await invite.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/admin\/invite#/);
  await expect(page.getByRole('region', { name: 'Waiting for an answer' })).toContainText(
    'rosa@demo.test',
  );
  await shot(page, 'admin-staff-invite');
  expect(await seriousViolations(page)).toEqual([]);

  // Rosa, on her own phone.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(phone.getByRole('heading', { name: 'Join Demo Diner' })).toBeVisible();
  await shot(phone, 'admin-invite-accept');
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.getByLabel('Choose a password').fill('rosas-own-password');
  await phone.getByLabel('The same password again').fill('rosas-own-password');
  await phone.getByRole('button', { name: 'Create my account and join' }).click();
  // A kitchen account: the console sends her to the kitchen screens.
  await expect(phone.getByText('This account is for the kitchen screens')).toBeVisible();
  await context.close();

  const { token } = await api().auth.login.mutate({
    email: 'rosa@demo.test',
    password: 'rosas-own-password',
  });
  expect((await api(token).kitchen.config.query()).screen.kind).toBe('staff');
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'rosa@demo.test' })).toContainText('active');
});

test('after a reset by the manager, the cook chooses a new password before anything else', async ({
  page,
}) => {
  const manager = await staffApi('manager@demo.test');
  const invited = await manager.staff.create.mutate({
    name: 'Tom Reset',
    email: 'tom@demo.test',
    role: 'kitchen',
  });
  const token = decodeURIComponent(invited.link?.split('#')[1] ?? '');
  const joined = await api().invitation.signUp.mutate({
    token,
    name: 'Tom Reset',
    password: 'toms-first-password',
  });
  const reset = await manager.staff.resetPassword.mutate({ staffId: joined.staff.id });

  await page.goto('/kitchen/');
  await page.getByLabel('Email').fill('tom@demo.test');
  await page.getByLabel('Password').fill(reset.temporaryPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your new password' })).toBeVisible();
  await shot(page, 'kitchen-choose-password');
  await page.getByLabel('New password (10 characters or more)').fill('short');
  await page.getByLabel('New password again').fill('short');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByLabel('New password (10 characters or more)')).toHaveJSProperty(
    'validity.tooShort',
    true,
  );
  await page.getByLabel('New password (10 characters or more)').fill('toms-own-new-password');
  await page.getByLabel('New password again').fill('toms-own-new-password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('heading', { name: 'Demo Diner: choose a station' })).toBeVisible();
  expect(
    (await api().auth.login.mutate({ email: 'tom@demo.test', password: 'toms-own-new-password' }))
      .staff.mustChangePassword,
  ).toBe(false);
});

test('the account page changes one’s own password and shows what the server only simulates', async ({
  page,
}) => {
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('heading', { name: 'Demo Diner' })).toBeVisible();
  await expect(page.getByText('Not connected: payments are simulated')).toBeVisible();
  await page.getByRole('link', { name: /owner$/ }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await shot(page, 'admin-account');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Current password').fill('not-it');
  await page.getByLabel('New password (10 characters or more)').fill('a-new-owner-password');
  await page.getByLabel('New password again').fill('a-new-owner-password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible();
});
