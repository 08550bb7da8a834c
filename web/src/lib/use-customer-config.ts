import { useQuery } from "@tanstack/react-query";
import { CUSTOMER_CONFIG_PATH, type CustomerConfig, DEFAULT_CUSTOMER_CONFIG } from "contract/customer-config";
import { unwrap } from "./api-error";

export async function fetchCustomerConfig(): Promise<CustomerConfig> {
  return unwrap<CustomerConfig>(await fetch(CUSTOMER_CONFIG_PATH, { headers: { accept: "application/json" } }));
}

/**
 * The operator's settings for the customer's page (consent words, privacy link, policies), from the server's
 * validated environment. Until they arrive, or when they cannot be fetched, the defaults apply: the server enforces
 * its policy on submit either way.
 */
export function useCustomerConfig(): CustomerConfig {
  const query = useQuery({ queryKey: ["customer-config"], queryFn: fetchCustomerConfig, staleTime: Infinity });
  return query.data ?? DEFAULT_CUSTOMER_CONFIG;
}
