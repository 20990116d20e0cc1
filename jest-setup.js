// The scaffold's setup mocks browser APIs (matchMedia, HTMLCanvasElement): load it only where a
// DOM exists, so emulator and proxy specs can run in the plain node environment.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
