/**
 * After a refused submit, bring the user to the problem: the first field marked invalid, or
 * the error message when no field is. Two frames later, so React has committed the error state
 * (and any step change) whatever scheduled the update.
 */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const run = () => {
    const scope = root ?? document.body;
    const field = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      field.focus();
      return;
    }
    const alert = scope.querySelector<HTMLElement>('[role="alert"]');
    if (alert) {
      alert.tabIndex = -1;
      alert.focus();
    }
  };
  window.requestAnimationFrame(() => window.requestAnimationFrame(run));
}
