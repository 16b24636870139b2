import { describe, expect, it } from 'vitest';
import { extractVisibleText } from './html-to-text';

describe('extractVisibleText', () => {
  const cases: { name: string; html: string; text: string }[] = [
    { name: 'paragraphs become lines', html: '<p>Microsoft</p><p>Azure</p>', text: 'Microsoft\nAzure' },
    { name: 'entities decoded', html: '<p>AT&amp;T&nbsp;&amp; Google</p>', text: 'AT&T\u00a0& Google' },
    { name: 'script and style skipped', html: '<script>var g="Google"</script><style>.x{}</style><p>text</p>', text: 'text' },
    { name: 'template and noscript skipped', html: '<template>Google</template><noscript>Amazon</noscript>ok', text: 'ok' },
    { name: 'form fields skipped', html: '<form><input value="Google"><textarea>Amazon</textarea><select><option>Oracle</option></select><button>IBM</button>label</form>', text: 'label' },
    { name: 'head skipped', html: '<html><head><title>Google</title><meta name="x" content="Amazon"></head><body>body</body></html>', text: 'body' },
    { name: 'hidden attribute skipped', html: '<div hidden>Google</div><span>shown</span>', text: 'shown' },
    { name: 'inline display:none skipped', html: '<div style="color:red; display: none">Google</div>shown', text: 'shown' },
    { name: 'visible after void elements', html: '<p>a<br>b<img src="x">c</p>', text: 'a\nbc' },
    { name: 'inline elements do not break words', html: '<p>Pa<b>lan</b>tir</p>', text: 'Palantir' },
  ];
  it.each(cases)('$name', ({ html, text }) => {
    expect(extractVisibleText(html)).toBe(text);
  });
});
