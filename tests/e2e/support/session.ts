import type { Page } from 'playwright-core';

/** Log in from the login page as a user whose first password change is done. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('navigation').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Esci' }).click();
  await page.getByRole('button', { name: 'Accedi' }).waitFor();
}
