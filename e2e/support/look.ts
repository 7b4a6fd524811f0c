import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** A screenshot kept in the repository's docs, to look at what a change did to a screen. */
export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `../docs/screenshots/${name}.png`, animations: 'disabled', fullPage });

/** axe-core's serious and critical findings on the page, each with where and why. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join('; ')})`,
    );
}
