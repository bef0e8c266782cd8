import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // the ECharts chunk (~590 kB, ~190 kB gzip) loads lazily with the chart pages
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // ECharts in a chunk of its own, loaded only by pages that draw charts
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/].*(echarts|zrender)/ }],
        },
      },
    },
  },
});
