// Placeholder webview entry: replaced by the preview (issue: preview webview).
export {};
