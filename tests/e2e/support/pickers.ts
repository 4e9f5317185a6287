import type { Locator } from 'playwright-core';

/**
 * MUI X date and time fields are sections (gg, mm, aaaa; hh, mm) typed one after the other, not
 * a single <input>: select all, clear, then type the digits as a user does.
 */
async function retype(field: Locator, digits: string): Promise<void> {
  await field.click();
  const keyboard = field.page().keyboard;
  await keyboard.press('ControlOrMeta+a');
  await keyboard.press('Backspace');
  await keyboard.type(digits);
}

/** Type a YYYY-MM-DD date into a date field as gg/mm/aaaa. */
export async function typeDate(field: Locator, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  await retype(field, `${d}${m}${y}`);
}

/** Type an hh:mm time into a 24-hour time field. */
export async function typeTime(field: Locator, hhmm: string): Promise<void> {
  await retype(field, hhmm.replace(':', ''));
}

/** What a date or time field shows, sections joined as on screen ("29/02/2023", "GG/MM/AAAA"). */
export async function fieldText(field: Locator): Promise<string> {
  const text = (await field.locator('.MuiPickersSectionList-root').first().textContent()) ?? '';
  return text.replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim();
}
