import { allow } from '../core/policy';

/** The brigade keeps the registry copies: templates, imports, pulls and their history. */
allow(['brigade'], ['downloadTemplate', 'import', 'pull', 'listImports'], 'registry');
