import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AgentSummary } from "contract/desk";
import { deskRequest } from "../../../lib/desk-request";

/** GET /api/desk/agents (supervisors): the agents a session can be assigned to. */
export function getAgents(signal?: AbortSignal): Promise<AgentSummary[]> {
  return deskRequest<AgentSummary[]>("/agents", { signal });
}

export const agentsQuery = () =>
  queryOptions({ queryKey: ["desk", "agents"], queryFn: ({ signal }) => getAgents(signal), staleTime: 60_000 });

/** The agents, asked for only when `enabled` (a supervisor is signed in). */
export function useAgents(enabled: boolean) {
  return useQuery({ ...agentsQuery(), enabled });
}
