// Placeholder CLI entry.
process.stdout.write('vmss-upgrade\n');
