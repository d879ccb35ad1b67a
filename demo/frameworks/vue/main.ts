import { createApp } from 'vue';
import 'chatkit-embed';
import App from './App.vue';

createApp(App).mount('#app');
