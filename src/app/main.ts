/** The app's entry point: renders `App` into the page the build wrote (`scripts/build-app.ts`). */
import { h, render } from 'preact';
import { App } from './App.js';

const root = document.getElementById('app');
if (root !== null) {
  root.textContent = '';
  render(h(App, null), root);
}
