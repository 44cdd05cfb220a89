// Preloaded with `node --import ./bench/rss.mjs …`: prints the process's peak RSS (MiB) on exit.
process.on('exit', () => process.stderr.write(`\nmaxRssMiB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`));
