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
          // Each group takes only the modules its test names, not what they import: the shared
          // ECharts core stays in 'echarts'.
          includeDependenciesRecursively: false,
          groups: [
            // The analysis pages' chart kinds (heat map, gauge, Sankey, radar) apart, so the
            // review and trends pages do not load them.
            {
              name: 'echarts-analysis',
              test: /node_modules[\\/]echarts[\\/]lib[\\/](chart[\\/](heatmap|gauge|sankey|radar)|component[\\/](visualMap|radar))/,
              priority: 2,
            },
            { name: 'echarts', test: /node_modules[\\/].*(echarts|zrender)/, priority: 1 },
          ],
        },
      },
    },
  },
});
