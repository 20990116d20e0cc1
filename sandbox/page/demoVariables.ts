/**
 * The sandbox's two demo dashboard variables, so editors can offer `$environment` and `$apis`
 * and queries interpolate them the way Grafana would: through the project's one TemplateSrv
 * fake (testing/fakes/templateSrv.ts, Grafana's template_srv formats).
 */
import { APIS, ENV_IDS } from '../../emulator/demo';
import { TemplateSrvFake, type FakeVariable } from '../../testing/fakes/templateSrv';

export const DEMO_VARIABLES: FakeVariable[] = [
  { name: 'environment', label: 'Environment', type: 'custom', value: ENV_IDS.production, text: 'Production' },
  {
    name: 'apis',
    label: 'APIs',
    type: 'custom',
    multi: true,
    value: [APIS[0].id, APIS[2].id],
    text: [`${APIS[0].name} ${APIS[0].version}`, `${APIS[2].name} ${APIS[2].version}`],
  },
];

export function demoTemplateSrv(): TemplateSrvFake {
  return new TemplateSrvFake(DEMO_VARIABLES);
}
