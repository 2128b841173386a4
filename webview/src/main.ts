/** Webview entry: styles, toolkit components, the host link, then the app. */
import './preview.css';
import { PreviewApp } from './app';
import { createHost } from './host';
import { registerToolkit } from './toolkit';

registerToolkit();
const root = document.getElementById('app') ?? document.body;
new PreviewApp(createHost(), root);
