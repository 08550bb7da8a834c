import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeskSettings } from "contract/desk";
import { deskRequest } from "../../../lib/desk-request";
import { DESK_SETTINGS_KEY } from "./get-desk-settings";

/** PUT /api/desk/settings (supervisors). */
export function updateDeskSettings(settings: DeskSettings): Promise<DeskSettings> {
  return deskRequest<DeskSettings>("/settings", { method: "PUT", body: settings });
}

export function useUpdateDeskSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDeskSettings,
    onSuccess: (settings) => queryClient.setQueryData(DESK_SETTINGS_KEY, settings),
  });
}
