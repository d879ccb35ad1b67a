// What a Vue app adds once to type <chatkit-embed> in its templates.
import type {} from 'chatkit-embed/types/vue';
