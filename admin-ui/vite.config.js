import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the jar's META-INF/resources/console/, which Liberty serves at /console/.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{js,jsx}'],
    setupFiles: ['src/testSetup.js'],
    // the build machine is shared; under load a render can take seconds
    testTimeout: 40000,
  },
});
