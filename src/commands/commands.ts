/*
 * Ribbon function file. The ribbon's button opens the task pane (ShowTaskpane needs no code);
 * functions for ExecuteFunction buttons are associated here once Office is ready.
 */
Office.onReady(() => {
  // The manifest declares no ExecuteFunction button: every command runs from the task pane.
});
