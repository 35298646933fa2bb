import { DurableObject } from "cloudflare:workers";

export class ChatRoom extends DurableObject {
  async fetch(): Promise<Response> {
    return new Response("room");
  }
}

export class RateLimiter extends DurableObject {
  async fetch(): Promise<Response> {
    return new Response("ok");
  }
}

export default {
  async fetch(): Promise<Response> {
    return new Response("chat");
  },
};
