/** The labels live in shared/ (the core prints them in the art. 15 export); this path stays for the screens. */
export * from '../../shared/domain/audit-labels';
