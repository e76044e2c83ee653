// The basepin command (bundled to dist/cli.js).
console.log('basepin: not yet');
