// placeholder: the emulator helper replaces this
console.log("emulator not built yet");
