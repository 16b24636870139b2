// Lint: typescript-eslint's recommended rules plus Mozilla's no-unsanitized, which forbids inserting
// HTML strings (innerHTML, outerHTML, insertAdjacentHTML, document.write) anywhere in the project.
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stricter than the plugin's defaults: no escaping helper is trusted either, so HTML strings never reach the DOM.
      'no-unsanitized/property': ['error', { escape: { taggedTemplates: [], methods: [] } }],
      'no-unsanitized/method': ['error', { escape: { taggedTemplates: [], methods: [] } }],
      // no-unsanitized lets literal strings through; the house rule is no HTML strings at all.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression > MemberExpression.left > Identifier.property[name=/^(innerHTML|outerHTML)$/]',
          message: 'Build nodes with createElement/textContent; never assign HTML strings.',
        },
        {
          selector: 'CallExpression > MemberExpression.callee > Identifier.property[name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]',
          message: 'Build nodes with createElement/textContent; never parse HTML strings.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
          message: 'document.write is forbidden.',
        },
      ],
    },
  },
  {
    // Unit tests build their DOM fixtures (including hostile markup) from constant HTML strings in
    // happy-dom; that is the one place parsing HTML is the point. Shipped code gets no such exception.
    files: ['**/*.test.ts'],
    rules: {
      'no-unsanitized/property': 'off',
      'no-unsanitized/method': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
