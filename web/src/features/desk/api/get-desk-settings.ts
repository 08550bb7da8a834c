import { queryOptions, useQuery } from "@tanstack/react-query";
import type { DeskSettings } from "contract/desk";
import { deskRequest } from "../../../lib/desk-request";

export const DESK_SETTINGS_KEY = ["desk", "settings"] as const;

/** GET /api/desk/settings: the rules supervisors set (a second reviewer for critical warnings). */
export function getDeskSettings(signal?: AbortSignal): Promise<DeskSettings> {
  return deskRequest<DeskSettings>("/settings", { signal });
}

export const deskSettingsQuery = () =>
  queryOptions({ queryKey: DESK_SETTINGS_KEY, queryFn: ({ signal }) => getDeskSettings(signal), staleTime: 30_000 });

export function useDeskSettings() {
  return useQuery(deskSettingsQuery());
}
