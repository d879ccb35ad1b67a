import { mount } from 'svelte';
import 'chatkit-embed';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
