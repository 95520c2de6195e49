import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vendor code changes far less often than ours, so it gets its own long-cached chunks.
// antd is split by package (antd → @rc-component → @ant-design/* helpers), never by size:
// size-based cuts landed inside import cycles and broke module start-up order at runtime.
const vendorGroups = [
  { name: 'react-vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 30 },
  { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 20, maxSize: 1_000_000 },
  { name: 'rc-components', test: /node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/, priority: 20 },
  { name: 'antd-style', test: /node_modules[\\/](@ant-design|@emotion|stylis)[\\/]/, priority: 10 },
  { name: 'data-vendor', test: /node_modules[\\/](@tanstack|dayjs|zod)[\\/]/, priority: 10 },
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // `codeSplitting.groups` is Vite 8's (Rolldown's) replacement for the deprecated `manualChunks`.
        codeSplitting: { groups: vendorGroups, includeDependenciesRecursively: false },
        // Chunks cut across import cycles must still run modules in source order (antd has cycles).
        strictExecutionOrder: true,
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
