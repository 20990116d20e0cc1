/**
 * Import first in a tsx script that loads the plugin's code: a DOM for @grafana/* (which touch
 * window at import) and `.graphql` files as text. Jest specs get both from their environment.
 */
import '../node/registerGraphqlFiles';

import { installDom } from '../ship/lib/domShim';

installDom();
