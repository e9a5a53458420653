// Starts the rasa-webchat widget inside <main id="chat">, talking socket.io to this same server.
// The conversation is kept in localStorage and the session id is sent again on reload, so the
// socket.io channel (session_persistence: true) continues the same conversation.
window.WebChat.default(
  {
    socketUrl: window.location.origin,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    title: "Leg nerve symptom checker",
    subtitle: "Information, not a diagnosis",
    inputTextFieldHint: "Describe how your leg feels",
    embedded: true,
    showFullScreenButton: false,
    hideWhenNotConnected: false,
    customMessageDelay: () => 0,
    params: { storage: "local" },
  },
  document.getElementById("chat"),
);
