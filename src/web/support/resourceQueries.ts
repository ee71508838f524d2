import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import type { Resource } from "../types";

/** Queries of the resource directory (地域資源): it holds no personal data, so its filters may be in keys and URLs. */
export const resourceKeys = {
  all: ["support", "resources"] as const,
  list: (filter: ResourceFilter) => ["support", "resources", "list", filter] as const,
  detail: (id: string) => ["support", "resources", "one", id] as const,
};

export interface ResourceFilter {
  q: string;
  category: string;
  districtId: string;
  day: string;
  audience: string;
  /** tags separated by spaces or 、 (a resource must have every one) */
  tags: string;
  status: string;
}

export const EMPTY_RESOURCE_FILTER: ResourceFilter = {
  q: "",
  category: "",
  districtId: "",
  day: "",
  audience: "",
  tags: "",
  status: "",
};

/** The words typed into the tag field, one tag each. */
export const tagsOf = (text: string) =>
  text
    .split(/[\s、,，]+/)
    .map((t) => t.trim())
    .filter(Boolean);

export function resourceQuery(filter: ResourceFilter) {
  const q = new URLSearchParams();
  for (const key of ["q", "category", "districtId", "day", "audience", "status"] as const)
    if (filter[key]) q.set(key, filter[key]);
  for (const tag of tagsOf(filter.tags)) q.append("tag", tag);
  return q;
}

export function useResources(filter: ResourceFilter) {
  return useQuery({
    queryKey: resourceKeys.list(filter),
    queryFn: () => api<{ resources: Resource[] }>(`/api/resources?${resourceQuery(filter)}`).then((r) => r.resources),
  });
}

export function useResource(id: string) {
  return useQuery({
    queryKey: resourceKeys.detail(id),
    queryFn: () => api<{ resource: Resource }>(`/api/resources/${encodeURIComponent(id)}`).then((r) => r.resource),
    staleTime: 0,
  });
}
