import { describe, expect, it } from 'vitest';
import { directionColor, resolveUpColor } from './up-down';

describe('up/down colours', () => {
  it('when nobody chose, then Chinese readers see red for a rise and English readers green', () => {
    expect(resolveUpColor(null, null, 'zh-CN')).toBe('red');
    expect(resolveUpColor(null, null, 'en')).toBe('green');
  });

  it('when the workspace sets a colour, then it holds for every reader unless the user chose their own', () => {
    expect(resolveUpColor(null, 'green', 'zh-CN')).toBe('green');
    expect(resolveUpColor(null, 'red', 'en')).toBe('red');
    expect(resolveUpColor('red', 'green', 'en')).toBe('red');
  });

  it('when a value rises under red-up, then it is red; a fall is green; flat is neither', () => {
    expect(directionColor('up', 'red')).not.toBe(directionColor('down', 'red'));
    expect(directionColor('up', 'red')).toBe(directionColor('down', 'green'));
    expect(directionColor('flat', 'red')).toBe(directionColor('flat', 'green'));
  });
});
