/** @jest-environment node */
import { countGoTests, type GoTestEvent } from '../../scripts/goTest';

const P = 'github.com/choreo-insights/choreo-insights-datasource/pkg/plugin';
const ev = (Action: string, Test?: string, Package = P): GoTestEvent => ({ Action, Test, Package });

describe('scripts/goTest.ts countGoTests (the Go part of the closing "N passed, N failed" line)', () => {
  it('counts each subtest once, not its parent', () => {
    expect(
      countGoTests([
        ev('run', 'TestVectors'),
        ev('run', 'TestVectors/a'),
        ev('pass', 'TestVectors/a'),
        ev('pass', 'TestVectors/b'),
        ev('pass', 'TestVectors'),
        ev('pass', 'TestPlain'),
        ev('skip', 'TestSkipped'),
        ev('pass'),
      ])
    ).toEqual({ passed: 3, failed: 0, skipped: 1 });
  });

  it('counts a failing subtest once, not again through its parent', () => {
    expect(countGoTests([ev('fail', 'TestX/one'), ev('pass', 'TestX/two'), ev('fail', 'TestX'), ev('fail')])).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0,
    });
  });

  it('counts a package that failed without a failing test (build error, panic in TestMain)', () => {
    expect(countGoTests([ev('build-fail', undefined, `${P} [build]`), ev('fail')])).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });

  it('keeps the last outcome of a test run twice (-count)', () => {
    expect(countGoTests([ev('fail', 'TestA'), ev('pass', 'TestA')])).toEqual({ passed: 1, failed: 0, skipped: 0 });
  });
});
