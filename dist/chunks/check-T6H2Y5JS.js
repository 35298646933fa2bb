import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  Octokit,
  RequestError
} from "./chunk-5XPRWMZC.js";
import {
  checkAdapters
} from "./chunk-QYZXGIJA.js";
import "./chunk-VGC65KCR.js";
import {
  runCheck
} from "./chunk-R3KYBLA5.js";
import {
  ContextError,
  InputError
} from "./chunk-QLGM77BU.js";
import {
  countLine,
  deleteAdvice,
  groupFindings,
  lossGroups,
  renderJson,
  renderMarkdown,
  riskBadge,
  workersJson
} from "./chunk-OEUL2ZUH.js";
import "./chunk-SHIGFTFB.js";
import "./chunk-KPNBBZA7.js";
import "./chunk-Y3VKEW2Y.js";
import "./chunk-ZXZLHMUF.js";
import {
  gateFor,
  startsAComment
} from "./chunk-ZPOH2JMV.js";
import "./chunk-27Y2JU4L.js";
import {
  fetchCommit,
  hasCommit,
  isFullSha
} from "./chunk-KDC7SQTS.js";
import "./chunk-PQ7QJ6BL.js";
import {
  hasLivePlan,
  renderPlanMarkdown
} from "./chunk-TW7EIWBP.js";
import "./chunk-ZKWNJPXZ.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-5OSWRORD.js";
import "./chunk-PIRUEGYP.js";
import {
  code
} from "./chunk-CYCF2PHT.js";
import "./chunk-7ZJZNNLB.js";
import {
  deletesNamedClasses,
  displayable,
  findingDocsAnchor,
  severityRank
} from "./chunk-57KHF4P2.js";
import {
  debug,
  error,
  info,
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-N6AHBFZZ.js";
import "./chunk-FSZB5RRS.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import {
  __commonJS,
  __toESM
} from "./chunk-FDGYIFXX.js";

// node_modules/bottleneck/light.js
var require_light = __commonJS({
  "node_modules/bottleneck/light.js"(exports, module) {
    (function(global2, factory) {
      typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser = {
        load,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node;
            this._last = node;
          } else {
            this._first = this._last = node;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node, ref, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node;
          node = this.shift();
          while (node != null) {
            cb(node), node = this.shift();
          }
          return void 0;
        }
        debug() {
          var node, ref, ref1, ref2, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance) {
          this.instance = instance;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name, cb) => {
            return this._addListener(name, "many", cb);
          };
          this.instance.once = (name, cb) => {
            return this._addListener(name, "once", cb);
          };
          this.instance.removeAllListeners = (name = null) => {
            if (name != null) {
              return delete this._events[name];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name, status, cb) {
          var base;
          if ((base = this._events)[name] == null) {
            base[name] = [];
          }
          this._events[name].push({ cb, status });
          return this.instance;
        }
        listenerCount(name) {
          if (this._events[name] != null) {
            return this._events[name].length;
          } else {
            return 0;
          }
        }
        async trigger(name, ...args) {
          var e, promises;
          try {
            if (name !== "debug") {
              this.trigger("debug", `Event triggered: ${name}`, args);
            }
            if (this._events[name] == null) {
              return;
            }
            this._events[name] = this._events[name].filter(function(listener) {
              return listener.status !== "none";
            });
            promises = this._events[name].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error2) {
                e2 = error2;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error2) {
            e = error2;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list) {
            return list.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list;
          for (j = 0, len = arr.length; j < len; j++) {
            list = arr[j];
            if (list.length > 0) {
              return list;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error: error2, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error2 != null ? error2 : new BottleneckError$1(message));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run, free) {
          var error2, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error2 = error1;
            return this._onFailure(error2, eventInfo, clearGlobalState, run, free);
          }
        }
        doExpire(clearGlobalState, run, free) {
          var error2, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error2 = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error2, eventInfo, clearGlobalState, run, free);
        }
        async _onFailure(error2, eventInfo, clearGlobalState, run, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error2, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error2);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance, storeOptions, storeInstanceOptions) {
          this.instance = instance;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve3, reject) {
            return setTimeout(resolve3, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next;
          current = this._jobs[id];
          next = current + 1;
          if (current != null && next < this.status.length) {
            this.counts[current]--;
            this.counts[next]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i) => {
            acc[this.status[i]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args, cb, error2, reject, resolve3, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve: resolve3, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve3(returned);
                };
              } catch (error1) {
                error2 = error1;
                return function() {
                  return reject(error2);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve3;
          resolve3 = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve3 = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve: resolve3, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance;
            instance = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance != null) {
              delete this.instances[key];
              await instance.disconnect();
            }
            return instance != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i, k, keys, len, next, start;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next;
              for (i = 0, len = found.length; i < len; i++) {
                k = found[i];
                keys.push(k.slice(start, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error2) {
                  e = error2;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck2, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck2 = (function() {
        class Bottleneck3 {
          constructor(options = {}, ...invalid) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck3.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid) {
            if (!(options != null && typeof options === "object" && invalid.length === 0)) {
              throw new Bottleneck3.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message) {
            return this._store.__publish__(message);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index) {
            if (this._scheduled[index] != null) {
              clearTimeout(this._scheduled[index].expiration);
              delete this._scheduled[index];
              return true;
            } else {
              return false;
            }
          }
          async _free(index, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index, job, wait) {
            var clearGlobalState, free, run;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args, index, next, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args } = next = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args, options });
              index = this._randomIndex();
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index, next, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve3, reject) => {
                if (finished()) {
                  return resolve3();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve3();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index, next) {
              return next.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck3.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck3.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args, blocked, error2, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error2 = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error: error2 });
              job.doDrop({ error: error2 });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck3.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck3.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck3.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck3.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck3.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args[0] === "function") {
              ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args2) => {
              return new this.Promise(function(resolve3, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve3)(args3);
                });
              });
            };
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args2) {
              return typeof cb === "function" ? cb(...args2) : void 0;
            }).catch(function(args2) {
              if (Array.isArray(args2)) {
                return typeof cb === "function" ? cb(...args2) : void 0;
              } else {
                return typeof cb === "function" ? cb(args2) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args) {
            var job, options, task;
            if (typeof args[0] === "function") {
              [task, ...args] = args;
              options = {};
            } else {
              [options, task, ...args] = args;
            }
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args) {
              return schedule(fn.bind(this), ...args);
            };
            wrapped.withOptions = function(options, ...args) {
              return schedule(options, fn, ...args);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck3.default = Bottleneck3;
        Bottleneck3.Events = Events$4;
        Bottleneck3.version = Bottleneck3.prototype.version = require$$8.version;
        Bottleneck3.strategy = Bottleneck3.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck3.BottleneckError = Bottleneck3.prototype.BottleneckError = BottleneckError_1;
        Bottleneck3.Group = Bottleneck3.prototype.Group = Group_1;
        Bottleneck3.RedisConnection = Bottleneck3.prototype.RedisConnection = require$$2;
        Bottleneck3.IORedisConnection = Bottleneck3.prototype.IORedisConnection = require$$3;
        Bottleneck3.Batcher = Bottleneck3.prototype.Batcher = Batcher_1;
        Bottleneck3.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck3.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck3.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck3.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck3.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck3.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck3.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck3;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck2;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// src/action/check.ts
import { writeFileSync } from "node:fs";
import { join, resolve as resolve2 } from "node:path";

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
function isRequestError(error2) {
  return error2.request !== void 0;
}
async function errorRequest(state, octokit, error2, options) {
  if (!isRequestError(error2) || !error2?.request.request) {
    throw error2;
  }
  if (error2.status >= 400 && !state.doNotRetry.includes(error2.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error2, retries, retryAfter);
  }
  throw error2;
}
async function wrapRequest(state, octokit, request, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error2, info2) {
    const maxRetries = ~~error2.request.request?.retries;
    const after = ~~error2.request.request?.retryAfter;
    options.request.retryCount = info2.retryCount + 1;
    if (maxRetries > info2.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request, options) {
  const response = await request(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error2 = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error2, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error2, retries, retryAfter) => {
        error2.request.request = Object.assign({}, error2.request.request, {
          retries,
          retryAfter
        });
        return error2;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION2 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest2(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error2) => error2.type === "RATE_LIMITED")) {
      const error2 = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error2;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light2.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error2, info2) {
      const [state2, request, options] = info2.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error2.status !== 401;
      if (!(shouldRetryGraphQL || error2.status === 403 || error2.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error2.message)) {
          const retryAfter2 = Number(error2.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error2.response.headers != null && error2.response.headers["x-ratelimit-remaining"] === "0" || (error2.response.data?.errors ?? []).some(
          (error22) => error22.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error2.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// src/adapters/github-client.ts
var GitHubOctokit = Octokit.plugin(retry, throttling);
function unpacedGroup() {
  const limiter = {
    schedule: (...args) => {
      const [first, ...rest] = args;
      const [fn, fnArgs] = typeof first === "function" ? [first, rest] : [rest[0], rest.slice(1)];
      return Promise.resolve().then(() => fn(...fnArgs));
    }
  };
  return { key: () => limiter };
}
var PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];
function transportFetch() {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return globalThis.fetch;
  let proxied;
  return async (input, init) => {
    proxied ??= import("./utils-VZIKZTDQ.js").then(
      (utils) => utils.defaults.request?.fetch ?? globalThis.fetch
    );
    return (await proxied)(input, init);
  };
}
function withOrchestrationId(userAgent) {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  if (!id) return userAgent;
  const tag = `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, "_")}`;
  return userAgent.includes(tag) ? userAgent : `${userAgent} ${tag}`;
}
var NULL_BODY_STATUSES = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
function wholeBodyFetch(base, timeoutMs) {
  return async (input, init = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await base(input, { ...init, signal });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
    } catch (error2) {
      if (timeout.aborted && !init.signal?.aborted) {
        throw new TypeError("request failed", {
          cause: new Error(`no complete answer within ${timeoutMs} ms`)
        });
      }
      throw error2;
    }
  };
}
function normaliseBaseUrl(apiUrl) {
  let url;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new TypeError(`apiUrl is not a URL: ${JSON.stringify(apiUrl)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`apiUrl must be http(s): ${JSON.stringify(apiUrl)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError("apiUrl must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}
function createGitHubClient(options) {
  const token = typeof options.token === "string" ? options.token.trim() : "";
  if (token === "" || /\s/.test(token)) {
    throw new TypeError("GitHub token is empty or contains whitespace");
  }
  const baseUrl = normaliseBaseUrl(options.apiUrl);
  const log = options.log;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;
  const baseFetch = transportFetch();
  const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
    const what = `${request.method ?? "?"} ${request.url ?? "?"}`;
    if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
      log?.warning(
        `GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s (${retryCount + 1}/${rateLimitRetries}).`
      );
      return true;
    }
    log?.warning(`GitHub ${kind} rate limit on ${what}: giving up (asked to wait ${retryAfter} s).`);
    return false;
  };
  const octokit = new GitHubOctokit({
    auth: `token ${token}`,
    baseUrl,
    userAgent: withOrchestrationId(options.userAgent ?? "do-migrate-action"),
    request: { fetch: wholeBodyFetch(baseFetch, options.requestTimeoutMs ?? 3e4) },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseDelayMs ?? 1e3,
      // 403/429 are rate limits (the throttling plugin) or refusals; neither is worth a blind retry.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451]
    },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      ...options.paceWrites === false ? { write: unpacedGroup(), notifications: unpacedGroup() } : {}
    },
    log: {
      debug: (message) => log?.debug(String(message)),
      info: (message) => log?.debug(String(message)),
      warn: (message) => log?.warning(String(message)),
      error: (message) => log?.warning(String(message))
    }
  });
  return { octokit, baseUrl };
}
function asRequestError(error2) {
  if (typeof error2 === "object" && error2 !== null && typeof error2.status === "number") {
    return error2;
  }
  return void 0;
}
function isRateLimit(error2) {
  return /rate limit/i.test(error2.message) || error2.response?.headers?.["x-ratelimit-remaining"] === "0" || error2.response?.headers?.["retry-after"] !== void 0;
}
var UnexpectedGitHubResponseError = class extends Error {
  name = "UnexpectedGitHubResponseError";
};
var NAME = /^[A-Za-z0-9_.-]+$/;
function checkRepo(owner, repo) {
  for (const [what, value] of [
    ["owner", owner],
    ["repo", repo]
  ]) {
    if (!NAME.test(value) || value === "." || value === "..") {
      throw new TypeError(`invalid repository ${what}: ${JSON.stringify(value)}`);
    }
  }
}
function checkNumber(what, n) {
  if (!Number.isSafeInteger(n) || n <= 0) throw new TypeError(`invalid ${what}: ${n}`);
}
function checkRepoPath(path) {
  const segments = path.split("/");
  if (path === "" || segments.some((s) => s === "" || s === "." || s === "..") || /[\0\r\n]/.test(path)) {
    throw new TypeError(`invalid repository path: ${JSON.stringify(path)}`);
  }
}
var MAX_LIST_PAGES = 30;
function parseNextLink(link) {
  if (!link) return void 0;
  for (const match of link.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
    if (match[2].split(/\s+/).includes("next")) return match[1];
  }
  return void 0;
}
async function listAll(client, route, params, options) {
  const { what, item } = options;
  const maxPages = options.maxPages ?? MAX_LIST_PAGES;
  const items = [];
  let response = await client.octokit.request(route, {
    ...params,
    per_page: 100
  });
  for (let page = 1; ; page++) {
    if (!Array.isArray(response.data)) {
      throw new UnexpectedGitHubResponseError(`${what} page ${page} is not a JSON array`);
    }
    for (const raw of response.data) {
      const value = item(raw);
      if (value !== void 0) items.push(value);
    }
    const next = parseNextLink(response.headers.link);
    if (!next) return items;
    if (page >= maxPages) {
      throw new UnexpectedGitHubResponseError(
        options.tooMany ?? `more than ${maxPages} pages of ${what}; not reading further`
      );
    }
    if (!next.startsWith(`${client.baseUrl}/`)) {
      throw new UnexpectedGitHubResponseError("pagination link points outside the API base URL");
    }
    response = await client.octokit.request({ method: "GET", url: next });
  }
}
function statusOf(error2) {
  return asRequestError(error2)?.status ?? null;
}

// src/adapters/github-pulls.ts
import { Buffer } from "node:buffer";
async function getPullRequest(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  const { data } = await client.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.number
  });
  const raw = data;
  const { base, head } = raw;
  if (typeof base?.sha !== "string" || typeof base.ref !== "string" || typeof head?.sha !== "string" || typeof head.ref !== "string") {
    throw new UnexpectedGitHubResponseError(`pull request #${params.number} has no base/head sha and ref`);
  }
  const headRepoId = head.repo?.id;
  return {
    body: typeof raw.body === "string" ? raw.body : "",
    baseSha: base.sha,
    headSha: head.sha,
    baseRef: base.ref,
    headRef: head.ref,
    isFork: headRepoId === void 0 || headRepoId === null || headRepoId !== base.repo?.id
  };
}
var utf8 = new TextDecoder("utf-8");
async function fetchFileAtRef(client, params) {
  checkRepo(params.owner, params.repo);
  checkRepoPath(params.path);
  if (params.ref === "") throw new TypeError("ref is empty");
  const route = "GET /repos/{owner}/{repo}/contents/{path}";
  const args = { owner: params.owner, repo: params.repo, path: params.path, ref: params.ref };
  let data;
  try {
    ({ data } = await client.octokit.request(route, args));
  } catch (error2) {
    if (asRequestError(error2)?.status === 404) return null;
    throw error2;
  }
  if (Array.isArray(data)) return null;
  const file = data;
  if (file.type !== "file") return null;
  if (file.encoding === "base64" && typeof file.content === "string") {
    return utf8.decode(Buffer.from(file.content, "base64"));
  }
  const raw = await client.octokit.request(route, { ...args, mediaType: { format: "raw" } });
  if (typeof raw.data === "string") return raw.data;
  if (raw.data instanceof ArrayBuffer) return utf8.decode(raw.data);
  throw new UnexpectedGitHubResponseError(`raw contents of ${params.path} are neither text nor bytes`);
}
async function listPullRequestFiles(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  return listAll(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
    { owner: params.owner, repo: params.repo, pull_number: params.number },
    {
      what: "pull request files",
      item: (raw) => {
        const { filename, patch } = raw ?? {};
        if (typeof filename !== "string") return void 0;
        return { path: filename, patch: typeof patch === "string" ? patch : null };
      }
    }
  );
}

// src/core/acknowledge.ts
var ACK_PREFIX = "do-migrate: destroy";
function destroyedClasses(finding) {
  return finding.kind === "probable-rename" ? finding.classes.slice(0, 1) : finding.classes;
}
function lineFor(finding, className) {
  return `${ACK_PREFIX} ${safe(className)} ${suffixOf(finding)}`;
}
function suffixOf(finding) {
  const worker = finding.worker ?? `${finding.file}${finding.env === null ? "" : ` env ${finding.env}`}`;
  return `in ${safe(worker)}${finding.tag ? ` at ${safe(finding.tag)}` : ""}`;
}
function safe(text) {
  return text.replace(/[^\w$.,:/+=-]/g, "_").slice(0, 200);
}
var NAMES_ANOTHER_TAG = /* @__PURE__ */ new Set(["live-tag-unknown"]);
function acknowledgements(report, description) {
  const written = writtenLines(description);
  const losses = report.findings.filter((f) => f.dataLoss);
  const ordered = [
    ...losses.filter((f) => !NAMES_ANOTHER_TAG.has(f.kind)),
    ...losses.filter((f) => NAMES_ANOTHER_TAG.has(f.kind))
  ];
  const byLine = /* @__PURE__ */ new Map();
  const byDestruction = /* @__PURE__ */ new Map();
  for (const finding of ordered) {
    const classes = destroyedClasses(finding);
    for (const className of classes.length > 0 ? classes : ["?"]) {
      const line = lineFor(finding, className);
      const destruction = [finding.file, finding.env ?? "", finding.worker ?? "", className].join("\0");
      const same = byLine.get(line) ?? (NAMES_ANOTHER_TAG.has(finding.kind) ? byDestruction.get(destruction) : void 0);
      if (same) {
        if (!same.findings.includes(finding)) same.findings.push(finding);
        continue;
      }
      const entry = { finding, findings: [finding], line };
      byLine.set(line, entry);
      if (!byDestruction.has(destruction)) byDestruction.set(destruction, entry);
    }
  }
  return [...byLine.values()].sort((a, b) => losses.indexOf(a.finding) - losses.indexOf(b.finding)).map((entry) => ({ ...entry, acknowledged: written.has(entry.line) }));
}
function writtenLines(description) {
  const lines = /* @__PURE__ */ new Set();
  for (const raw of description.split(/\r?\n/)) {
    const line = raw.trim().replace(/^[-*>]\s+/, "").replace(/^`(.*)`$/, "$1").trim();
    if (!line.startsWith(`${ACK_PREFIX} `)) continue;
    lines.add(line);
    const rest = line.slice(ACK_PREFIX.length + 1);
    const space = rest.indexOf(" ");
    if (space <= 0) continue;
    const suffix = rest.slice(space);
    for (const className of rest.slice(0, space).split(",")) {
      if (className) lines.add(`${ACK_PREFIX} ${className}${suffix}`);
    }
  }
  return lines;
}

// src/core/render/check-sections.ts
function renderAcknowledgementSection(acks) {
  if (acks.length === 0) return null;
  const missing = acks.filter((a) => !a.acknowledged);
  return [
    missing.length === 0 ? "**\u2705 Acknowledged.** The pull request description names every class this change destroys:" : `**To merge anyway**, add ${missing.length === acks.length ? "these lines" : `the ${missing.length} missing line(s) of these`} to the pull request description, exactly as written:`,
    "",
    "```text",
    ...acks.map((a) => a.line),
    "```"
  ].join("\n");
}
function renderShortReport(report, options) {
  const counted = report.findings.filter((f) => !f.suppressed);
  const losses = lossGroups(counted.filter((f) => f.dataLoss));
  const others = groupFindings(counted.filter((f) => !f.dataLoss));
  const suppressed = groupFindings(report.findings.filter((f) => f.suppressed)).length;
  const out = [
    options.marker,
    `## Durable Object migration check: ${riskBadge(report.risk)}`,
    "",
    "_The full report is too long for a pull request comment: it is in the job summary of this run and in the `report` output._",
    ""
  ];
  if (hasLivePlan(report.workers)) out.push(renderPlanMarkdown(report.workers ?? [], { maxRows: 10 }), "");
  if (losses.length > 0) {
    out.push(`### \u{1F6D1} Data-destroying changes (${losses.length})`, "");
    for (const group of losses) out.push(`- ${lossLine(group.findings, options.docsBaseUrl)}`);
    out.push("");
  }
  const ack = renderAcknowledgementSection(options.acknowledgements);
  if (ack) out.push(ack, "");
  const advice = deleteAdvice(losses);
  if (advice) out.push(advice, "");
  if (others.length > 0) out.push(`### Other findings (${others.length})`, "", countLine(others), "");
  if (suppressed > 0)
    out.push(`_${suppressed} suppressed finding(s), not counted: see the job summary._`, "");
  return out.join("\n");
}
function lossLine(findings, docsBaseUrl) {
  const f = findings[0];
  const what = f.kind === "probable-rename" ? "deleted and re-created" : "deleted";
  const workers = findings.map((w) => {
    const env = w.env === null ? "(top level)" : `(env ${code(w.env)})`;
    return w.worker === null ? env : `Worker ${code(w.worker)} ${env}`;
  });
  const tag = f.tag ? ` by migration ${code(f.tag)}` : "";
  const place = code(f.line ? `${f.file}:${f.line}` : f.file);
  const base = docsBaseUrl ? `${docsBaseUrl.replace(/\/$/, "")}/` : "";
  return `**${f.classes.map(code).join(", ")}** ${what}${tag} (${place}) [${f.code}](${base}${findingDocsAnchor(f.code)}) in ${workers.join(", ")}`;
}
function renderNoChangesBody(marker) {
  return `${marker}
## Durable Object migration check: \u2705 **none**

This pull request no longer has any Durable Object lifecycle changes.
`;
}

// src/action/check-request.ts
import { resolve } from "node:path";
function chooseLive(settings, context) {
  if (settings.live === "off") return { request: null, note: null };
  const token = settings.cloudflareApiToken;
  const fork = context.pullRequest?.isFork === true;
  if (!token) {
    const forkNote = fork ? "This pull request comes from a fork, which gets no secrets: this is the static check, without the live plan." : null;
    if (settings.live === "required") {
      throw new InputError(
        fork ? "live: required, but a pull request from a fork gets no secrets, so there is no cloudflare-api-token: use live: auto to check forks statically." : "live: required needs the cloudflare-api-token input (a read-only token: Workers Scripts Read)."
      );
    }
    return { request: null, note: forkNote };
  }
  const apiBaseUrl = context.cloudflareApiBaseUrl;
  return {
    request: {
      token,
      accountId: settings.cloudflareAccountId || null,
      ...apiBaseUrl ? { apiBaseUrl } : {}
    },
    note: null
  };
}
async function chooseRevisions(context, cwd, canUseApi) {
  const pr = context.pullRequest;
  if (pr && isFullSha(pr.baseSha)) {
    const baseHere = await ensureCommit(cwd, pr.baseSha);
    if (!baseHere && !canUseApi) {
      throw new ContextError(
        `The base commit ${pr.baseSha} is not in the checkout and could not be fetched, and there is no github-token to read it through the API.`
      );
    }
    let head = "HEAD";
    if (context.eventName === "pull_request_target") {
      if (!isFullSha(pr.headSha)) throw new ContextError("The pull_request_target payload has no head SHA.");
      if (!await ensureCommit(cwd, pr.headSha)) {
        throw new ContextError(
          `The pull request head ${pr.headSha} could not be fetched from origin; it is read as data, never checked out.`
        );
      }
      head = pr.headSha;
    }
    info(
      `Comparing the pull request's base ${pr.baseSha} with ${head === "HEAD" ? "the checkout" : head}.`
    );
    return { base: pr.baseSha, head, baseViaApi: !baseHere };
  }
  if (context.eventName === "push" && context.pushBefore && isFullSha(context.pushBefore)) {
    if (await ensureCommit(cwd, context.pushBefore)) {
      info(`Comparing the commit before the push, ${context.pushBefore}, with the checkout.`);
      return { base: context.pushBefore, head: "HEAD", baseViaApi: false };
    }
  }
  info(
    "No pull request: comparing the checkout with its merge base with the remote's default branch, else its parent commit."
  );
  return { base: null, head: "HEAD", baseViaApi: false };
}
async function ensureCommit(cwd, sha) {
  try {
    if (await hasCommit(cwd, sha)) return true;
    const fetched = await fetchCommit(cwd, "origin", sha);
    if (fetched.fetched) {
      info(`Fetched ${sha} from origin (the checkout is shallow).`);
      return true;
    }
    info(`Could not fetch ${sha} from origin: ${fetched.message}`);
  } catch (error2) {
    info(`Could not look up ${sha}: ${error2.message}`);
  }
  return false;
}
async function analyse(settings, context, cwd, revisions, github, live) {
  const base = revisions.base;
  if (revisions.baseViaApi) info(`Reading the configs at ${base} through the GitHub contents API.`);
  return runCheck(
    {
      cwd,
      base,
      head: revisions.head,
      // No `config`: every wrangler config under working-directory (the whole repository by default).
      paths: settings.config.length > 0 ? settings.config : cwd === resolve(context.workspace) ? [] : ["."],
      baseFallback: github && base && revisions.baseViaApi ? (path) => fetchFileAtRef(github, { owner: context.owner, repo: context.repo, path, ref: base }) : void 0,
      analyze: { envs: settings.environments },
      // The repository's policy file, read at the base revision: a pull request is judged by the
      // policy it starts from.
      policy: { from: "repository", path: settings.policy },
      live,
      // The proven fixes, for the suggestions; "today" dates a new date-scheme migration tag.
      offers: context.pullRequest && settings.suggestions ? { today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10) } : null
    },
    checkAdapters
  );
}

// src/action/comment.ts
import { createHash } from "node:crypto";

// src/adapters/github-comments.ts
var MAX_COMMENT_BODY = 65536;
var DEFAULT_BOT_LOGIN = "github-actions[bot]";
var MAX_COMMENT_PAGES = 100;
var CommentBodyTooLongError = class extends Error {
  name = "CommentBodyTooLongError";
  limit = MAX_COMMENT_BODY;
  /** Length of the refused body in UTF-16 code units (JavaScript's `length`). */
  bodyLength;
  constructor(bodyLength, serverMessage) {
    super(`GitHub refused the comment body (${bodyLength} characters): ${serverMessage}`);
    this.bodyLength = bodyLength;
  }
};
function bodyTooLongMessage(error2) {
  if (error2.status !== 422) return void 0;
  const errors = error2.response?.data?.errors;
  if (!Array.isArray(errors)) return void 0;
  for (const e of errors) {
    if (typeof e !== "object" || e === null) continue;
    const { field, code: code2, message } = e;
    if (field !== "body") continue;
    if (code2 === "too_long" || typeof message === "string" && /too long/i.test(message)) {
      return typeof message === "string" ? message : "body is too long";
    }
  }
  return void 0;
}
var MARKER = /^<!--[^\r\n]*-->$/;
function checkMarker(marker) {
  if (!MARKER.test(marker) || marker.slice(4, -3).includes("--")) {
    throw new TypeError(
      `marker must be one HTML comment on one line, like "<!-- name:scope -->": ${JSON.stringify(marker)}`
    );
  }
}
function withMarker(marker, body) {
  checkMarker(marker);
  return body.startsWith(marker) ? body : `${marker}
${body}`;
}
function sameBody(a, b) {
  return a.replace(/\r\n/g, "\n") === b.replace(/\r\n/g, "\n");
}
function forbidden(step, error2, commentId) {
  const detail = error2.message.split(" - ")[0];
  return {
    action: "forbidden",
    ...commentId === void 0 ? {} : { commentId },
    message: `GitHub refused to ${step} the pull request comment (403: ${detail}). The token is read-only, as it is for pull requests from forks, or lacks \`pull-requests: write\`.`
  };
}
function toComment(raw) {
  if (typeof raw !== "object" || raw === null) return void 0;
  const { id, body, user, html_url } = raw;
  if (typeof id !== "number") return void 0;
  const login = user?.login;
  return {
    id,
    body: typeof body === "string" ? body : "",
    authorLogin: typeof login === "string" ? login : null,
    ...typeof html_url === "string" ? { htmlUrl: html_url } : {}
  };
}
async function listIssueComments(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("issue number", params.issueNumber);
  return listAll(
    client,
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { owner: params.owner, repo: params.repo, issue_number: params.issueNumber },
    {
      what: "comment list",
      maxPages: MAX_COMMENT_PAGES,
      tooMany: `more than ${MAX_COMMENT_PAGES * 100} comments on #${params.issueNumber}; not reading further`,
      item: toComment
    }
  );
}
async function viewerLogin(client) {
  const data = await client.octokit.graphql("query { viewer { login } }");
  const login = data?.viewer?.login;
  if (typeof login !== "string" || login === "") {
    throw new UnexpectedGitHubResponseError("the GraphQL viewer has no login");
  }
  return login;
}
function pickStickyComment(comments, query) {
  const self2 = query.selfLogin?.toLowerCase() ?? null;
  const authors = new Set((query.authorLogins ?? [DEFAULT_BOT_LOGIN]).map((l) => l.toLowerCase()));
  if (self2) authors.add(self2);
  const ours = comments.filter(
    (c) => c.authorLogin !== null && authors.has(c.authorLogin.toLowerCase()) && c.body.trimStart().startsWith(query.marker)
  );
  const own = self2 ? ours.find((c) => c.authorLogin.toLowerCase() === self2) : void 0;
  return { comment: own ?? ours[0] ?? null, count: ours.length };
}
async function upsertStickyComment(client, request) {
  const { owner, repo, issueNumber, marker } = request;
  checkRepo(owner, repo);
  checkNumber("issue number", issueNumber);
  const body = withMarker(marker, request.body);
  let comments;
  try {
    comments = await listIssueComments(client, { owner, repo, issueNumber });
  } catch (error2) {
    const e = asRequestError(error2);
    if (e?.status === 403 && !isRateLimit(e)) return forbidden("read", e);
    throw error2;
  }
  const picked = pickStickyComment(comments, request);
  const existing = picked.comment;
  const note = picked.count > 1 ? { message: `${picked.count - 1} more comment(s) carry the same marker; kept this one.` } : {};
  const create = async (action) => {
    try {
      const { data } = await client.octokit.request(
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        {
          owner,
          repo,
          issue_number: issueNumber,
          body
        }
      );
      const created = toComment(data);
      if (!created) throw new UnexpectedGitHubResponseError("created comment has no id");
      return {
        action,
        commentId: created.id,
        ...created.htmlUrl ? { htmlUrl: created.htmlUrl } : {},
        ...note
      };
    } catch (error2) {
      throw translateWriteError(error2, body) ?? error2;
    }
  };
  const createOrForbidden = async (action) => {
    try {
      return await create(action);
    } catch (error2) {
      const e = asRequestError(error2);
      if (e?.status === 403 && !isRateLimit(e)) return forbidden("create", e);
      throw error2;
    }
  };
  if (!existing) return createOrForbidden("created");
  if (sameBody(existing.body, body)) {
    return {
      action: "unchanged",
      commentId: existing.id,
      ...existing.htmlUrl ? { htmlUrl: existing.htmlUrl } : {},
      ...note
    };
  }
  try {
    const { data } = await client.octokit.request(
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      {
        owner,
        repo,
        comment_id: existing.id,
        body
      }
    );
    const updated = toComment(data);
    return {
      action: "updated",
      commentId: existing.id,
      ...updated?.htmlUrl ? { htmlUrl: updated.htmlUrl } : {},
      ...note
    };
  } catch (error2) {
    const e = asRequestError(error2);
    if (e?.status === 404) {
      return createOrForbidden("deleted-recreated");
    }
    if (e?.status === 403 && !isRateLimit(e)) {
      const self2 = request.selfLogin?.toLowerCase();
      const author = existing.authorLogin ?? "another account";
      if (self2 && author.toLowerCase() !== self2) {
        const created = await createOrForbidden("created");
        return created.action === "forbidden" ? created : {
          ...created,
          message: `The earlier comment ${existing.id} by ${author} cannot be edited with this token (GitHub lets only its author edit it): wrote a new one, which later runs update.`
        };
      }
      const refused = forbidden("update", e, existing.id);
      return self2 ? refused : {
        ...refused,
        message: `${refused.message} The comment is by ${author}: if this workflow now uses another token, GitHub lets only the comment's author edit it, and this token's account could not be determined.`
      };
    }
    throw translateWriteError(error2, body) ?? error2;
  }
}
function translateWriteError(error2, body) {
  if (error2 instanceof CommentBodyTooLongError) return error2;
  const e = asRequestError(error2);
  const message = e && bodyTooLongMessage(e);
  return message === void 0 ? void 0 : new CommentBodyTooLongError(body.length, message);
}

// src/action/comment.ts
async function writeComment(github, context, settings, report, acks, blocks, selfLogin) {
  if (settings.comment === "never") return;
  if (!github) {
    warning("No github-token: the pull request comment was not written.");
    return;
  }
  const pr = context.pullRequest;
  const marker = `<!-- do-migrate-action:sticky:${scopeOf(settings)} -->`;
  const target = {
    owner: context.owner,
    repo: context.repo,
    issueNumber: pr.number,
    marker,
    selfLogin,
    authorLogins: [DEFAULT_BOT_LOGIN, ...settings.commentAuthors]
  };
  const upsert = (body2) => upsertStickyComment(github, { ...target, body: body2 });
  let body;
  if (settings.comment === "on-change" && !report.findings.some(startsAComment)) {
    if (!await hasStickyComment(github, target)) {
      info(
        "No Durable Object lifecycle, binding, history or name changes to report: no pull request comment (comment: on-change)."
      );
      return;
    }
    body = report.findings.some((f) => f.introduced && !f.suppressed) ? renderMarkdown(report, { marker, comment: true, ...blocks, docsBaseUrl: context.docsBaseUrl }) : renderNoChangesBody(marker);
  } else {
    body = renderMarkdown(report, { marker, comment: true, ...blocks, docsBaseUrl: context.docsBaseUrl });
  }
  let result;
  try {
    result = await upsert(body).catch((error2) => {
      if (!(error2 instanceof CommentBodyTooLongError)) throw error2;
      info(`GitHub refused the ${error2.bodyLength}-character comment as too long; writing a short one.`);
      return upsert(
        renderShortReport(report, { marker, acknowledgements: acks, docsBaseUrl: context.docsBaseUrl })
      );
    });
  } catch (error2) {
    warning(
      `Could not write the pull request comment: ${error2.message}. The report is in the job summary and the outputs.`
    );
    return;
  }
  if (result.action === "forbidden") {
    warning(`${result.message} The report is in the job summary and the outputs.`);
    return;
  }
  setOutput("comment-id", String(result.commentId));
  info(`Sticky comment ${result.action} (id ${result.commentId}).`);
  if (result.message) info(result.message);
}
async function tokenLogin(github) {
  try {
    return await viewerLogin(github);
  } catch (error2) {
    info(
      `Could not ask GitHub whose token this is (${error2.message}): recognising comments by ${DEFAULT_BOT_LOGIN} and the comment-author input only.`
    );
    return null;
  }
}
async function hasStickyComment(github, target) {
  try {
    const comments = await listIssueComments(github, target);
    return pickStickyComment(comments, target).comment !== null;
  } catch (error2) {
    info(`Could not read the pull request comments: ${error2.message}`);
    return false;
  }
}
function scopeOf(settings) {
  const parts = [settings.workingDirectory, ...settings.config, ...(settings.environments ?? []).map(String)];
  if (parts.join("") === ".") return "default";
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 12);
}

// src/adapters/github-reviews.ts
async function listReviewComments(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  return listAll(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
    { owner: params.owner, repo: params.repo, pull_number: params.number },
    {
      what: "review comments",
      item: (raw) => {
        const r = raw ?? {};
        if (typeof r.id !== "number") return void 0;
        const login = r.user?.login;
        return {
          id: r.id,
          body: typeof r.body === "string" ? r.body : "",
          path: typeof r.path === "string" ? r.path : "",
          line: typeof r.line === "number" ? r.line : null,
          startLine: typeof r.start_line === "number" ? r.start_line : null,
          authorLogin: typeof login === "string" ? login : null,
          inReplyToId: typeof r.in_reply_to_id === "number" ? r.in_reply_to_id : null
        };
      }
    }
  );
}
async function createReview(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  for (const c of params.comments) checkRepoPath(c.path);
  await client.octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.number,
    commit_id: params.commitId,
    event: "COMMENT",
    body: params.body,
    comments: params.comments.map((c) => ({
      path: c.path,
      line: c.end,
      side: "RIGHT",
      ...c.start < c.end ? { start_line: c.start, start_side: "RIGHT" } : {},
      body: c.body
    }))
  });
}
async function updateReviewComment(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("comment id", params.commentId);
  await client.octokit.request("PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}", {
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId,
    body: params.body
  });
}
async function deleteReviewComment(client, params) {
  checkRepo(params.owner, params.repo);
  checkNumber("comment id", params.commentId);
  await client.octokit.request("DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}", {
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId
  });
}

// src/action/suggestions.ts
async function suggestFixes(github, context, settings, offers, selfLogin) {
  const { planSuggestions, markerOfferId, patchHunks, renderFixSection, reviewBody } = await import("./suggestions-25LXMEIM.js");
  const pr = context.pullRequest;
  const scope = scopeOf(settings);
  const everywhere = (why) => renderFixSection(
    0,
    offers.map((offer) => ({ offer, why }))
  );
  if (!github || pr.isFork && context.eventName === "pull_request") return everywhere("not-posted");
  const target = { owner: context.owner, repo: context.repo, number: pr.number };
  try {
    const [files, comments] = await Promise.all([
      listPullRequestFiles(github, target),
      listReviewComments(github, target)
    ]);
    const hunks = new Map(files.map((f) => [f.path, patchHunks(f.patch)]));
    const replied = new Set(comments.flatMap((c) => c.inReplyToId === null ? [] : [c.inReplyToId]));
    const existing = comments.flatMap((c) => {
      const offerId = markerOfferId(scope, c.body);
      const own = (selfLogin ?? DEFAULT_BOT_LOGIN).toLowerCase();
      if (offerId === null || c.authorLogin?.toLowerCase() !== own) return [];
      return [
        {
          id: c.id,
          offerId,
          path: c.path,
          line: c.line,
          startLine: c.startLine,
          body: c.body,
          hasReplies: replied.has(c.id)
        }
      ];
    });
    const plan = planSuggestions(offers, (path) => hunks.get(path) ?? [], existing, scope);
    for (const change of [...plan.update, ...plan.resolve])
      await updateReviewComment(github, { ...target, commentId: change.id, body: change.body });
    for (const id of plan.remove) await deleteReviewComment(github, { ...target, commentId: id });
    let posted = plan.unchanged + plan.update.length;
    if (plan.create.length > 0) {
      try {
        await createReview(github, {
          ...target,
          commitId: pr.headSha,
          body: reviewBody(scope, plan.create.length),
          comments: plan.create.map((c) => ({ path: c.path, start: c.start, end: c.end, body: c.body }))
        });
        posted += plan.create.length;
      } catch (error2) {
        const status = statusOf(error2);
        if (status !== 403 && status !== 422) throw error2;
        warning(
          status === 403 ? "GitHub refused the review with the suggested fixes (403: the token cannot write reviews); they are in the sticky comment instead." : `GitHub refused the review with the suggested fixes (422: ${error2.message.split(" - ")[0]}); they are in the sticky comment instead.`
        );
        return renderFixSection(posted, [
          ...plan.elsewhere,
          ...plan.create.map((c) => ({ offer: c.offer, why: "not-posted" }))
        ]);
      }
    }
    info(
      `Suggestions: ${plan.create.length} posted, ${plan.update.length} updated, ${plan.resolve.length + plan.remove.length} retired, ${plan.unchanged} unchanged, ${plan.elsewhere.length} outside the diff.`
    );
    return renderFixSection(posted, plan.elsewhere);
  } catch (error2) {
    if (statusOf(error2) === 403) return everywhere("not-posted");
    warning(
      `Could not post the suggested fixes: ${error2.message}. They are in the sticky comment instead.`
    );
    return everywhere("not-posted");
  }
}

// src/action/summary.ts
import { Buffer as Buffer2 } from "node:buffer";
var ANNOTATIONS_PER_TYPE = 10;
var SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4096;
function annotate(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const groups2 = groupFindings(findings.filter((f) => !f.suppressed)).sort(
    (a, b) => severityRank(b.first.severity) - severityRank(a.first.severity)
  );
  for (const group of groups2) {
    const f = group.first;
    const type = f.severity === "critical" || f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
    if (counts[type] >= ANNOTATIONS_PER_TYPE) {
      dropped++;
      continue;
    }
    counts[type]++;
    const properties = {
      title: `${f.code} ${f.kind}`,
      file: f.file,
      ...f.line ? { startLine: f.line } : {}
    };
    const text = `${group.message}
Fix: ${f.fix}`;
    if (type === "error") error(text, properties);
    else if (type === "warning") warning(text, properties);
    else notice(text, properties);
  }
  return { dropped };
}
async function writeSummary(report, context, blocks, droppedAnnotations) {
  const overflow = droppedAnnotations > 0 ? `

_${droppedAnnotations} more finding(s) than GitHub shows as annotations are listed above._
` : "";
  let maxLength = SUMMARY_LIMIT_BYTES;
  let summary2 = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    summary2 = renderMarkdown(report, { ...blocks, docsBaseUrl: context.docsBaseUrl, maxLength }) + overflow;
    const bytes = Buffer2.byteLength(summary2, "utf8");
    if (bytes <= SUMMARY_LIMIT_BYTES) break;
    maxLength = Math.floor(maxLength * SUMMARY_LIMIT_BYTES / bytes) - 1024;
  }
  await summary.addRaw(summary2).write();
}

// src/action/check.ts
async function runCheckMode(settings, context) {
  const github = settings.githubToken ? createGitHubClient({
    token: settings.githubToken,
    apiUrl: context.apiUrl,
    log: { debug, warning }
  }) : null;
  const cwd = resolve2(context.workspace, settings.workingDirectory);
  const revisions = await chooseRevisions(context, cwd, github !== null);
  const liveChoice = chooseLive(settings, context);
  const analysed = await analyse(settings, context, cwd, revisions, github, liveChoice.request);
  const { configCount, live, offers } = analysed;
  const report = liveChoice.note ? { ...analysed.report, notes: [...analysed.report.notes ?? [], liveChoice.note] } : analysed.report;
  const shown = groupFindings(report.findings.filter((f) => !f.suppressed)).length;
  const suppressed = groupFindings(report.findings.filter((f) => f.suppressed)).length;
  info(
    `Analysed ${configCount} wrangler config(s): risk ${report.risk}, ${shown} finding(s)${suppressed ? `, ${suppressed} suppressed` : ""}.`
  );
  for (const note of report.notes ?? []) info(`Note: ${displayable(note, "?")}`);
  if (live) {
    info(
      `Live state: ${live.planned} Worker(s) planned against the live state, ${live.failed} judged from the config alone${live.skipped > 0 ? ` (and ${live.skipped} not deployed as written)` : ""}; ${live.requests} Cloudflare API request(s).`
    );
    for (const warning2 of live.warnings) warning(warning2);
  }
  const acks = acknowledgements(report, await pullRequestDescription(github, context));
  const gate = gateFor(report, acks, settings.failOn);
  const ackSection = context.pullRequest ? renderAcknowledgementSection(acks) : null;
  const sections = [];
  const suggesting = Boolean(context.pullRequest && offers && offers.length > 0);
  const selfLogin = github && context.pullRequest && (settings.comment !== "never" || suggesting) ? await tokenLogin(github) : null;
  if (suggesting) {
    const fixSection = await suggestFixes(github, context, settings, offers, selfLogin);
    if (fixSection) sections.push(fixSection);
  }
  writeOutputs(report, context, live?.status ?? "off");
  const { dropped } = annotate(report.findings);
  const blocks = { acknowledgement: ackSection, sections };
  if (context.pullRequest) await writeComment(github, context, settings, report, acks, blocks, selfLogin);
  await writeSummary(report, context, blocks, dropped);
  const verdict = context.pullRequest ? gate : withoutPullRequest(gate, acks);
  if (verdict.failed) setFailed(verdict.message);
  else if (verdict.message) info(verdict.message);
  if (settings.live === "required" && live && live.status !== "read") {
    setFailed(
      `live: required, but the live state of ${live.failed} Worker(s) could not be read (see the warnings); they were judged from the config alone.`
    );
  }
}
async function pullRequestDescription(github, context) {
  const pr = context.pullRequest;
  if (!pr) return "";
  if (!github) return pr.body;
  try {
    return (await getPullRequest(github, { owner: context.owner, repo: context.repo, number: pr.number })).body;
  } catch (error2) {
    info(`Using the description from the event payload (${error2.message}).`);
    return pr.body;
  }
}
function withoutPullRequest(gate, acks) {
  if (!gate.failed || acks.length === 0) return gate;
  return {
    failed: true,
    message: `This change destroys Durable Object data:
${acks.map((a) => `  ${a.line}`).join("\n")}
There is no pull request to acknowledge it in: review it in its pull request, deploy it with \`mode: deploy\`, or set \`fail-on: never\` on this step to only report.`
  };
}
function writeOutputs(report, context, liveState) {
  const deleted = report.findings.filter((f) => f.dataLoss && deletesNamedClasses(f.kind)).flatMap((f) => f.classes.map((c) => ({ worker: f.worker, env: f.env, class: c })));
  const path = join(context.tempDir, `do-migrate-report-${process.pid}.json`);
  writeFileSync(path, renderJson(report));
  setOutput("risk", report.risk);
  setOutput("data-loss", String(report.findings.some((f) => f.dataLoss)));
  setOutput("deleted-classes", JSON.stringify(deleted));
  setOutput("findings", JSON.stringify(report.findings.map(compactFinding)));
  setOutput("report", path);
  setOutput("live-state", liveState);
  setOutput("plan", JSON.stringify(workersJson(report)));
}
function compactFinding(f) {
  const { code: code2, kind, severity, dataLoss, classes, worker, env, file, line, tag } = f;
  return {
    code: code2,
    kind,
    severity,
    dataLoss,
    classes,
    worker,
    env,
    file,
    line,
    tag,
    ...f.suppressed ? { suppressed: true } : {}
  };
}
export {
  runCheckMode
};
