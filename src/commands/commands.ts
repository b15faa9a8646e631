/*
 * Ribbon function file. The ribbon's button opens the task pane (ShowTaskpane needs no code);
 * functions for ExecuteFunction buttons are associated here once Office is ready.
 */
Office.onReady(() => {
  // No ExecuteFunction buttons yet: numbering and refresh arrive with the Office adapter.
});
