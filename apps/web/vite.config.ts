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
        // ECharts in a chunk of its own, loaded only by pages that draw charts. The analysis
        // pages' chart kinds (heat map, gauge, Sankey, radar, visual map) stay out of it and load
        // with the pages that draw them.
        codeSplitting: {
          groups: [
            {
              name: 'echarts',
              test: /node_modules[\\/](zrender|echarts[\\/](?!lib[\\/](chart[\\/](heatmap|gauge|sankey|radar)|component[\\/](visualMap|radar)|coord[\\/]radar)))/,
            },
          ],
        },
      },
    },
  },
});
