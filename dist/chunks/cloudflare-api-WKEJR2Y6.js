import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ApiBaseUrlError,
  CloudflareApiError,
  DEFAULT_CLOUDFLARE_API_BASE_URL,
  DEFAULT_REQUEST_BUDGET,
  checkedApiBaseUrl,
  createCloudflareClient,
  requestBudget
} from "./chunk-Q4EI3H2W.js";
import "./chunk-FDGYIFXX.js";
export {
  ApiBaseUrlError,
  CloudflareApiError,
  DEFAULT_CLOUDFLARE_API_BASE_URL,
  DEFAULT_REQUEST_BUDGET,
  checkedApiBaseUrl,
  createCloudflareClient,
  requestBudget
};
