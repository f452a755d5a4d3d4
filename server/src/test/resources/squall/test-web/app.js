export const marker = "test-app-js";
