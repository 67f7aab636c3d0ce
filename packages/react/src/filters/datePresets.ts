// The presets are framework-free and live in the client (datePresets.ts there); this keeps the
// kit's public exports of them (index.ts) where they were.
export {
  DATE_PRESETS,
  detectPreset,
  presetRange,
  type DatePreset,
  type DateRange,
  type RelativeDatePreset,
} from '@getimmutable/client';
