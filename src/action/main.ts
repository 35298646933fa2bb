console.log("do-migrate-action: not yet");
