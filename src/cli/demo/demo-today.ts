/** The demo's default today (the sample in sample-data.ts is designed to be seen from this day). */
export const DEMO_TODAY = "2026-11-25";
