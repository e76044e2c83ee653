import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  applyUpdates,
  basepinLabel,
  changelogKey,
  chooseDashboard,
  commandHelp,
  commandPrefix,
  dashboardTitle,
  emptyDashboardState,
  failureCode,
  failureJson,
  failureMessage,
  familiarRepository,
  groupUnreachable,
  isBasepinComment,
  isInternal,
  markComment,
  parseCommand,
  planFiles,
  planRun,
  readChangeTrailer,
  readDashboardState,
  readHiddenBlock,
  readTickedBoxes,
  renderChangelog,
  renderDashboard,
  renderDashboardBlock,
  renderHelp,
  renderHiddenBlock,
  replaceDashboardBlock,
  replaceHiddenBlock,
  ruleCovers,
  ruleName,
  sameTarget,
  siteNote,
  unreachableLine,
  updateFrom,
  updateImageName,
  updatePlace,
  updateRepository,
  updateTag,
  updatesJson,
  vulnerabilityHeadlinePart,
  withChangeTrailer,
  withIgnore,
  withoutIgnore
} from "./chunk-GMZDUT2D.js";
import {
  configTextSource
} from "./chunk-DNJKG57M.js";
import {
  RegistryError,
  describeVerdict,
  memoizeRegistryClient,
  osvClientFor,
  readJson,
  registryClientFor,
  signatureTrustFor
} from "./chunk-OERN3X4H.js";
import {
  codeSpan,
  markdownLink,
  untrustedMarkdown
} from "./chunk-5W6YY3Z7.js";
import {
  external_exports
} from "./chunk-PPE23XJU.js";
import {
  parseOrgArgs
} from "./chunk-HZDX6SGE.js";
import {
  MemoryWorkspace,
  kindOfPath,
  writeFileAtomic
} from "./chunk-HKPFPWOG.js";
import {
  ExitCode
} from "./chunk-BNA5XW3A.js";
import {
  credentialLines,
  defaultConfigPath,
  loadConfigSource,
  require_picomatch,
  runSettings
} from "./chunk-5RQVPCKY.js";
import {
  SettingsError,
  branchNameProblem,
  describeProblem,
  encodeDockerfile,
  fileKinds,
  looksLikeKubernetes,
  shortDigest
} from "./chunk-FXMTIOOA.js";
import {
  UsageError
} from "./chunk-LPEWWUND.js";
import {
  __commonJS,
  __toESM
} from "./chunk-FO4YOAWA.js";

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
              } catch (error) {
                e2 = error;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error) {
            e = error;
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
        doDrop({ error, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error != null ? error : new BottleneckError$1(message));
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
          var error, eventInfo, passed;
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
            error = error1;
            return this._onFailure(error, eventInfo, clearGlobalState, run, free);
          }
        }
        doExpire(clearGlobalState, run, free) {
          var error, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error, eventInfo, clearGlobalState, run, free);
        }
        async _onFailure(error, eventInfo, clearGlobalState, run, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error);
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
          return new this.Promise(function(resolve2, reject) {
            return setTimeout(resolve2, t);
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
          var now, wait2;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait2 = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait2 + this.storeOptions.minTime;
            return {
              success: true,
              wait: wait2,
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
          var args, cb, error, reject, resolve2, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve: resolve2, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve2(returned);
                };
              } catch (error1) {
                error = error1;
                return function() {
                  return reject(error);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve2;
          resolve2 = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve2 = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve: resolve2, reject });
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
                } catch (error) {
                  e = error;
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
          _run(index, job, wait2) {
            var clearGlobalState, free, run;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run, free);
              }, wait2),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run, free);
              }, wait2 + job.options.expiration) : void 0,
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
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait: wait2, reservoir }) => {
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
                  this._run(index, next, wait2);
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
            var done2, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve2, reject) => {
                if (finished()) {
                  return resolve2();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve2();
                    }
                  });
                }
              });
            };
            done2 = options.dropWaitingJobs ? (this._run = function(index, next) {
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
            return done2;
          }
          async _addToQueue(job) {
            var args, blocked, error, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error });
              job.doDrop({ error });
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
              return new this.Promise(function(resolve2, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve2)(args3);
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

// src/cli/org-command.ts
import { appendFile, readFile as readFile2 } from "node:fs/promises";
import { resolve } from "node:path";

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var VERSION = "0.0.0-development";
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest(state, octokit, request2, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options) {
  const response = await request2(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
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
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
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
function wrapRequest2(state, request2, options) {
  return state.retryLimiter.schedule(doRequest, state, request2, options);
}
async function doRequest(state, request2, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite2 = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite2 || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite2 && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
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
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request2, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
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
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook6) {
  const orig = hook6;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook6 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook6 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook6 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook6,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook6, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook6.api = { remove: removeHookRef };
  hook6.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook6[kind] = hook6.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook6 = register.bind(null, state);
  bindApi(hook6, state);
  return hook6;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION3} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 128; code <= 255; code++) {
  CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 48; code <= 57; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 65; code <= 90; code++) {
  CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 97; code <= 122; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse2(header, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop = options?.parameters === false ? COMMA_FLAG : 0;
  while (index < len) {
    const code = header.charCodeAt(index);
    const flags = CHAR_MAP[code];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & COMMA_FLAG;
      break;
    }
    if ((flags & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index;
    } else {
      whitespace = -1;
    }
    typeFlags |= code & NON_ASCII | flags;
    index++;
  }
  const valueEnd = whitespace === -1 ? index : whitespace;
  const value = header.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index === len || stop !== 0) {
    return { type, index, parameters: new NullObject() };
  }
  return parseParameters(header, type, index, len, stopFlags);
}
function parseParameters(header, type, index, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index < len) {
    index++;
    while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
      index++;
    }
    const keyStart = index;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index < len) {
      const code = header.charCodeAt(index);
      const flags = CHAR_MAP[code];
      if ((flags & stopFlags) !== 0) {
        if ((flags & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code === EQ) {
        const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
        const value = header.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index++;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
          index++;
        }
        if (index < len && header.charCodeAt(index) === DQUOTE) {
          const quotedStart = ++index;
          let escaped = false;
          while (index < len) {
            const code2 = header.charCodeAt(index);
            if (code2 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index) : header.slice(quotedStart, index);
              }
              index++;
              let stop2 = 0;
              while (index < len) {
                const code3 = header.charCodeAt(index);
                const flags2 = CHAR_MAP[code3];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & COMMA_FLAG;
                  break;
                }
                index++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code2 === BSLASH && index + 1 < len) {
              escaped = true;
              index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        const valueStart = index;
        let stop = 0;
        let valueWhitespace = -1;
        while (index < len) {
          const code2 = header.charCodeAt(index);
          const flags2 = CHAR_MAP[code2];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & COMMA_FLAG;
            break;
          }
          if ((flags2 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index;
          } else {
            valueWhitespace = -1;
          }
          index++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code & NON_ASCII | flags;
      index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str, start, end) {
  let result = "";
  for (let index = start; index < end; index++) {
    if (str.charCodeAt(index) === BSLASH) {
      result += str.slice(start, index);
      start = ++index;
    }
  }
  return result + str.slice(start, end);
}

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text2, reviver) => {
  return JSON.parse(text2, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text2) => {
  return text2.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text2, reviver) => {
  if (!text2) return originalParse(text2, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text2, reviver);
    const serializedData = serializeBigInts(text2);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text2);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION4 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION4} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop2 = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop2);
  }
  const mimetype = parse2(contentType);
  if (isJSONResponse(mimetype)) {
    let text2 = "";
    try {
      text2 = await response.text();
      return JSONParse(text2);
    } catch (err) {
      return text2;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop2);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION5 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION5} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION6 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop3 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop3;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop3;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION6} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION6;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook6 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook6.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook6;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth6 = createTokenAuth(options.auth);
        hook6.wrap("request", auth6.hook);
        this.auth = auth6;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth6 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook6.wrap("request", auth6.hook);
      this.auth = auth6;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION7 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request2(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION7;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION8 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done2() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done2) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION8;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION9 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint2;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION9;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION9;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION10 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION10}`
  }
);

// src/github/client.ts
var githubApiVersion = "2022-11-28";
var BasepinOctokit = Octokit2.plugin(retry, throttling);
var unpaced = {
  key: () => ({
    schedule: (_options, job, ...args) => Promise.resolve(job(...args))
  })
};
function createGitHubClient(options) {
  const log = options.log;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const unitMs = options.retryDelayUnitMs ?? 1e3;
  const onLimit = (kind) => ((retryAfter, request2, _octokit, retryCount) => {
    if (options.limitsPacedOutside === true) {
      log?.debug?.(`GitHub ${kind} rate limit on ${request2.method} ${request2.url}; the pacer waits it out`);
      return false;
    }
    const again = retryCount < rateLimitRetries;
    log?.warning(
      `GitHub ${kind} rate limit on ${request2.method} ${request2.url}; ` + (again ? `retrying in ${retryAfter} s (${retryCount + 1}/${rateLimitRetries})` : "giving up")
    );
    return again;
  });
  const octokit = new BasepinOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "basepin",
    request: options.fetch ? { fetch: options.fetch } : {},
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: unitMs },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      retryAfterBaseValue: unitMs,
      fallbackSecondaryRateRetryAfter: 60,
      ...options.paceWrites === false ? { write: unpaced, notifications: unpaced } : {}
    },
    // Octokit logs every non-2xx response at `error` (plugin-request-log), including the
    // expected ones basepin handles (404 for a branch not created yet, 422 for one that
    // exists). A failure that matters is thrown as a GitHubError and reported once by
    // whoever catches it, so these lines go to the debug log, not into annotations.
    log: {
      debug: (message) => log?.debug?.(message),
      info: (message) => log?.debug?.(message),
      warn: (message) => log?.warning(message),
      error: (message) => log?.debug?.(message)
    }
  });
  octokit.hook.before("request", (request2) => {
    request2.headers["x-github-api-version"] = githubApiVersion;
  });
  return octokit;
}

// src/github/base-tree.ts
import { posix } from "node:path";

// src/github/errors.ts
var GitHubMessage = {
  PullRequestExists: "A pull request already exists",
  ReferenceExists: "Reference already exists",
  /** Private repositories on GitHub Free: the pull request is opened as ready for review instead. */
  DraftsUnsupported: "Draft pull requests are not supported",
  /**
   * A reviewer who is not a collaborator, or a team the token cannot see (a workflow's GITHUB_TOKEN sees no
   * organisation teams): https://docs.github.com/en/rest/pulls/review-requests#request-reviewers-for-a-pull-request
   */
  ReviewersNotCollaborators: "Reviews may only be requested from collaborators"
};
var GitHubError = class extends Error {
  name = "GitHubError";
  /** What basepin was doing: `create pull request`. */
  operation;
  /** What it was done to: `basepin/all → main in o/r`. */
  resource;
  /** HTTP status; undefined when no response came (network). */
  status;
  /** GitHub's `message` and each `errors[].message`/`code`, for matching against `GitHubMessage`. */
  details;
  constructor(operation, resource, status, details, cause) {
    const what = details.length > 0 ? details.join(": ") : cause instanceof Error ? cause.message : "no response";
    super(`${operation} ${resource}: ${status ?? "network error"} ${what}`, { cause });
    this.operation = operation;
    this.resource = resource;
    this.status = status;
    this.details = details;
  }
  /** True when GitHub's message or one of its validation errors contains `text` (a `GitHubMessage`). */
  mentions(text2) {
    return this.details.some((detail) => detail.includes(text2));
  }
};
function errorDetails(data) {
  if (typeof data === "string") return data.trim() === "" ? [] : [data.trim()];
  if (typeof data !== "object" || data === null) return [];
  const body = data;
  const details = [];
  if (typeof body.message === "string") details.push(body.message);
  if (Array.isArray(body.errors)) {
    for (const item of body.errors) {
      if (typeof item === "string") details.push(item);
      else if (typeof item === "object" && item !== null) {
        const { message, code, field } = item;
        if (typeof message === "string") details.push(message);
        else if (typeof code === "string")
          details.push(typeof field === "string" ? `${field} ${code}` : code);
      }
    }
  }
  return details;
}
function toGitHubError(error, operation, resource) {
  if (error instanceof GitHubError) return error;
  const shape = typeof error === "object" && error !== null ? error : {};
  const status = typeof shape.status === "number" ? shape.status : void 0;
  return new GitHubError(operation, resource, status, errorDetails(shape.response?.data), error);
}
async function withGitHubError(operation, resource, call) {
  try {
    return await call();
  } catch (error) {
    throw toGitHubError(error, operation, resource);
  }
}
var GitHubPayloadError = class extends GitHubError {
  name = "GitHubPayloadError";
};
function parseReply(schema, data, operation, resource) {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || "reply";
  return throwPayload(operation, resource, `unexpected reply: ${field}: ${issue?.message ?? "invalid"}`);
}
function throwPayload(operation, resource, detail) {
  throw new GitHubPayloadError(operation, resource, 200, [detail]);
}

// src/github/schemas.ts
var PullRequestSchema = external_exports.object({
  number: external_exports.number().int().positive(),
  html_url: external_exports.string(),
  state: external_exports.enum(["open", "closed"]),
  title: external_exports.string(),
  body: external_exports.string().nullable().optional(),
  draft: external_exports.boolean().optional(),
  merged_at: external_exports.string().nullable().optional(),
  closed_at: external_exports.string().nullable().optional(),
  head: external_exports.object({
    ref: external_exports.string(),
    sha: external_exports.string(),
    repo: external_exports.object({ full_name: external_exports.string() }).nullable().optional()
  }),
  base: external_exports.object({ ref: external_exports.string() })
});
function toPullRequest(payload, operation = "read pull request") {
  const number = payload?.number;
  const pr = parseReply(
    PullRequestSchema,
    payload,
    operation,
    typeof number === "number" ? `#${number}` : "a pull request"
  );
  return {
    number: pr.number,
    url: pr.html_url,
    state: pr.state,
    title: pr.title,
    body: pr.body ?? "",
    headRef: pr.head.ref,
    headRepository: pr.head.repo?.full_name,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    merged: pr.merged_at != null,
    closedAt: pr.closed_at ?? void 0,
    draft: pr.draft ?? false
  };
}
var GitCommitSchema = external_exports.object({ sha: external_exports.string(), tree: external_exports.object({ sha: external_exports.string() }) });
var GitObjectSchema = external_exports.object({ sha: external_exports.string() });
var GitTreeSchema = external_exports.object({
  tree: external_exports.array(external_exports.object({ path: external_exports.string(), mode: external_exports.string(), type: external_exports.string(), sha: external_exports.string() }))
});
var GitBlobSchema = external_exports.object({ content: external_exports.string(), encoding: external_exports.string() });

// src/github/base-tree.ts
var regularMode = "100644";
var executableMode = "100755";
var symlinkMode = "120000";
var maxLinks = 8;
var BaseTree = class {
  #octokit;
  #repo;
  #directories = /* @__PURE__ */ new Map();
  constructor(octokit, repo) {
    this.#octokit = octokit;
    this.#repo = repo;
  }
  /**
   * The path and mode a file's new bytes are committed at: an executable keeps `100755`; a symlink is
   * followed to the file it names (the link itself is kept, never turned into a regular file); a new file
   * is `100644`. Throws a GitHubError for a link that leaves the repository, loops or names no file.
   */
  async target(rootTree, path) {
    let current = path;
    for (let hop = 0; hop <= maxLinks; hop++) {
      const entry = await this.#entry(rootTree, current);
      if (entry === void 0) return { path: current, mode: regularMode };
      if (entry.type === "blob" && entry.mode === executableMode)
        return { path: current, mode: executableMode };
      if (entry.type === "blob" && entry.mode === regularMode) return { path: current, mode: regularMode };
      if (entry.mode !== symlinkMode)
        return this.#refuse(path, `is not a file in the base tree (mode ${entry.mode})`);
      const link = await this.#linkText(entry.sha, current);
      const next = resolveLink(current, link);
      if (next === void 0)
        return this.#refuse(path, `is a symlink to ${JSON.stringify(link)}, outside the repository`);
      current = next;
    }
    return this.#refuse(path, `is a chain of more than ${maxLinks} symlinks`);
  }
  async #entry(rootTree, path) {
    const segments = path.split("/");
    let tree = rootTree;
    for (const [i, name] of segments.entries()) {
      const entry = (await this.#directory(tree)).get(name);
      if (i === segments.length - 1 || entry === void 0)
        return i === segments.length - 1 ? entry : void 0;
      if (entry.type !== "tree") return void 0;
      tree = entry.sha;
    }
    return void 0;
  }
  #directory(sha2) {
    let pending = this.#directories.get(sha2);
    if (pending === void 0) {
      pending = this.#readDirectory(sha2);
      this.#directories.set(sha2, pending);
      pending.catch(() => this.#directories.delete(sha2));
    }
    return pending;
  }
  async #readDirectory(sha2) {
    const resource = `${sha2} in ${this.#repo.owner}/${this.#repo.repo}`;
    const response = await withGitHubError(
      "read tree",
      resource,
      () => this.#octokit.rest.git.getTree({ ...this.#repo, tree_sha: sha2 })
    );
    const tree = parseReply(GitTreeSchema, response.data, "read tree", resource);
    return new Map(tree.tree.map((e) => [e.path, { mode: e.mode, type: e.type, sha: e.sha }]));
  }
  async #linkText(sha2, path) {
    const resource = `${path} in ${this.#repo.owner}/${this.#repo.repo}`;
    const response = await withGitHubError(
      "read symlink",
      resource,
      () => this.#octokit.rest.git.getBlob({ ...this.#repo, file_sha: sha2 })
    );
    const blob = parseReply(GitBlobSchema, response.data, "read symlink", resource);
    return Buffer.from(blob.content, blob.encoding === "base64" ? "base64" : "utf8").toString("utf8");
  }
  #refuse(path, why) {
    throw new GitHubError("commit", `${path} in ${this.#repo.owner}/${this.#repo.repo}`, void 0, [
      `${path} ${why}: not committed`
    ]);
  }
};
function resolveLink(linkPath, target) {
  if (target === "" || target.startsWith("/") || target.includes("\0")) return void 0;
  const joined = posix.normalize(posix.join(posix.dirname(linkPath), target));
  if (joined === "." || joined === ".." || joined.startsWith("../") || joined.endsWith("/")) return void 0;
  return joined;
}

// src/github/ref-path.ts
function refPath(ref) {
  return ref.split("/").map(encodeURIComponent).join("/");
}

// src/github/commit-files.ts
async function commitFiles(octokit, repo, input, baseCommits = /* @__PURE__ */ new Map(), baseTree = new BaseTree(octokit, repo)) {
  const sha2 = await writeCommit(octokit, repo, input, baseCommits, baseTree);
  await moveBranch(octokit, repo, input.branch, sha2);
  return sha2;
}
async function writeCommit(octokit, repo, input, baseCommits = /* @__PURE__ */ new Map(), baseTree = new BaseTree(octokit, repo)) {
  const where2 = `in ${repo.owner}/${repo.repo}`;
  const target = input.branch ?? input.baseSha;
  let pending = baseCommits.get(input.baseSha);
  if (pending === void 0) {
    pending = readCommit(octokit, repo, input.baseSha);
    baseCommits.set(input.baseSha, pending);
    pending.catch(() => baseCommits.delete(input.baseSha));
  }
  const base = await pending;
  const targets = /* @__PURE__ */ new Map();
  for (const file of input.files) {
    const target2 = await baseTree.target(base.tree.sha, file.path);
    const bytes = Buffer.from(file.bytes);
    const same = targets.get(target2.path);
    if (same !== void 0 && !same.bytes.equals(bytes)) {
      throw new GitHubError("commit", `${file.path} ${where2}`, void 0, [
        `${file.path} and another path name the same file ${target2.path} with different contents: not committed`
      ]);
    }
    targets.set(target2.path, { target: target2, bytes });
  }
  const tree = [];
  for (const { target: target2, bytes } of targets.values()) {
    const blob = await withGitHubError(
      "create blob",
      `${target2.path} ${where2}`,
      () => octokit.rest.git.createBlob({
        ...repo,
        content: bytes.toString("base64"),
        encoding: "base64"
      })
    );
    const sha2 = parseReply(GitObjectSchema, blob.data, "create blob", `${target2.path} ${where2}`).sha;
    tree.push({ path: target2.path, mode: target2.mode, type: "blob", sha: sha2 });
  }
  const newTree = await withGitHubError(
    "create tree",
    `for ${target} ${where2}`,
    () => octokit.rest.git.createTree({ ...repo, base_tree: base.tree.sha, tree })
  );
  const commit = await withGitHubError(
    "create commit",
    `on ${target} ${where2}`,
    () => octokit.rest.git.createCommit({
      ...repo,
      message: input.message,
      tree: parseReply(GitObjectSchema, newTree.data, "create tree", `for ${target} ${where2}`).sha,
      parents: [base.sha]
    })
  );
  return parseReply(GitObjectSchema, commit.data, "create commit", `on ${target} ${where2}`).sha;
}
async function readCommit(octokit, repo, sha2) {
  const resource = `${sha2} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "read commit",
    resource,
    () => octokit.rest.git.getCommit({ ...repo, commit_sha: sha2 })
  );
  return parseReply(GitCommitSchema, response.data, "read commit", resource);
}
async function moveBranch(octokit, repo, branch, sha2) {
  const resource = `refs/heads/${branch} in ${repo.owner}/${repo.repo}`;
  const exists = await branchExists(octokit, repo, branch);
  const update = () => withGitHubError(
    "update branch",
    resource,
    () => octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{+ref}", {
      ...repo,
      ref: refPath(`heads/${branch}`),
      sha: sha2,
      force: true
    })
  );
  if (exists) {
    await update();
    return;
  }
  try {
    await withGitHubError(
      "create branch",
      resource,
      () => octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: sha2 })
    );
  } catch (error) {
    if (error instanceof GitHubError && error.status === 422 && error.mentions(GitHubMessage.ReferenceExists)) {
      await update();
      return;
    }
    throw error;
  }
}
async function branchExists(octokit, repo, branch) {
  try {
    await withGitHubError(
      "read branch",
      `refs/heads/${branch} in ${repo.owner}/${repo.repo}`,
      () => octokit.request("GET /repos/{owner}/{repo}/git/ref/{+ref}", {
        ...repo,
        ref: refPath(`heads/${branch}`)
      })
    );
    return true;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return false;
    throw error;
  }
}

// src/github/delete-branch.ts
async function deleteBranch(octokit, repo, branch) {
  try {
    await withGitHubError(
      "delete branch",
      `refs/heads/${branch} in ${repo.owner}/${repo.repo}`,
      () => octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{+ref}", {
        ...repo,
        ref: refPath(`heads/${branch}`)
      })
    );
  } catch (error) {
    if (error instanceof GitHubError && (error.status === 404 || error.status === 422)) return;
    throw error;
  }
}

// src/github/find-pull-requests.ts
async function findOpenPullRequest(octokit, repo, branch) {
  const response = await withGitHubError(
    "find open pull request",
    `from ${branch} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.pulls.list({ ...repo, state: "open", head: `${repo.owner}:${branch}`, per_page: 10 })
  );
  return response.data.map((pr) => toPullRequest(pr)).find((pr) => isOwnBranch(pr, repo, branch));
}
async function listOpenPullRequests(octokit, repo, filter) {
  const all = await withGitHubError(
    "list open pull requests",
    `into ${filter.base} in ${repo.owner}/${repo.repo}`,
    () => octokit.paginate(octokit.rest.pulls.list, { ...repo, state: "open", base: filter.base, per_page: 100 })
  );
  return all.map((pr) => toPullRequest(pr)).filter((pr) => pr.headRef.startsWith(filter.headPrefix) && isOwnBranch(pr, repo, pr.headRef));
}
async function listClosedPullRequests(octokit, repo, branch, limit = 10) {
  const response = await withGitHubError(
    "list closed pull requests",
    `from ${branch} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.pulls.list({
      ...repo,
      state: "closed",
      head: `${repo.owner}:${branch}`,
      sort: "updated",
      direction: "desc",
      per_page: limit
    })
  );
  return response.data.map((pr) => toPullRequest(pr)).filter((pr) => isOwnBranch(pr, repo, branch)).sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? ""));
}
function isOwnBranch(pr, repo, branch) {
  return pr.headRef === branch && (pr.headRepository === void 0 || pr.headRepository.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase());
}

// src/github/pull-request-metadata.ts
var defaultConsistencyRetry = { attempts: 4, delayMs: 1e3 };
var sleepFor = (ms) => new Promise((resolve2) => setTimeout(resolve2, ms));
async function withConsistencyRetry(retry2, call) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const transient = error instanceof GitHubError && (error.status === 404 || error.status === 422) && !error.mentions(GitHubMessage.ReviewersNotCollaborators);
      if (!transient || attempt >= retry2.attempts) throw error;
      await (retry2.sleep ?? sleepFor)(retry2.delayMs * attempt);
    }
  }
}
async function addLabels(octokit, repo, number, labels, retry2 = defaultConsistencyRetry) {
  if (labels.length === 0) return;
  await withConsistencyRetry(
    retry2,
    () => withGitHubError(
      "add labels",
      `${labels.join(", ")} to #${number} in ${repo.owner}/${repo.repo}`,
      () => octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: [...labels] })
    )
  );
}
var teamReviewersHint = "reviewers must be collaborators; team reviewers need a GitHub App or personal access token as `token:` (GITHUB_TOKEN cannot see organisation teams)";
async function requestReviewers(octokit, repo, number, reviewers, retry2 = defaultConsistencyRetry) {
  if (reviewers.length === 0) return;
  const users = reviewers.filter((name) => !name.includes("/"));
  const teams = reviewers.filter((name) => name.includes("/")).map((name) => name.slice(name.indexOf("/") + 1));
  const resource = `${reviewers.join(", ")} on #${number} in ${repo.owner}/${repo.repo}`;
  try {
    await withConsistencyRetry(
      retry2,
      () => withGitHubError(
        "request reviewers",
        resource,
        () => octokit.rest.pulls.requestReviewers({
          ...repo,
          pull_number: number,
          reviewers: users,
          team_reviewers: teams
        })
      )
    );
  } catch (error) {
    if (!(error instanceof GitHubError) || !error.mentions(GitHubMessage.ReviewersNotCollaborators))
      throw error;
    throw new GitHubError(
      error.operation,
      error.resource,
      error.status,
      [...error.details, teamReviewersHint],
      error
    );
  }
}
async function addAssignees(octokit, repo, number, assignees, retry2 = defaultConsistencyRetry) {
  if (assignees.length === 0) return;
  await withConsistencyRetry(
    retry2,
    () => withGitHubError(
      "add assignees",
      `${assignees.join(", ")} to #${number} in ${repo.owner}/${repo.repo}`,
      () => octokit.rest.issues.addAssignees({ ...repo, issue_number: number, assignees: [...assignees] })
    )
  );
}

// src/github/schemas-conversation.ts
var CommentSchema = external_exports.object({ id: external_exports.number().int().positive(), html_url: external_exports.string() });
var IssueSchema = external_exports.object({
  number: external_exports.number().int().positive(),
  html_url: external_exports.string(),
  state: external_exports.enum(["open", "closed"]),
  title: external_exports.string(),
  body: external_exports.string().nullable().optional(),
  user: external_exports.object({ login: external_exports.string() }).nullable(),
  labels: external_exports.array(external_exports.union([external_exports.string(), external_exports.object({ name: external_exports.string() })])).optional(),
  pull_request: external_exports.object({}).passthrough().optional()
});
var CollaboratorPermissionSchema = external_exports.object({
  permission: external_exports.string(),
  role_name: external_exports.string().optional(),
  user: external_exports.object({
    permissions: external_exports.object({
      admin: external_exports.boolean().optional(),
      maintain: external_exports.boolean().optional(),
      push: external_exports.boolean().optional(),
      triage: external_exports.boolean().optional(),
      pull: external_exports.boolean().optional()
    }).optional()
  }).nullable().optional()
});
var CompareSchema = external_exports.object({
  total_commits: external_exports.number().int().nonnegative(),
  commits: external_exports.array(
    external_exports.object({
      sha: external_exports.string(),
      author: external_exports.object({ login: external_exports.string() }).nullable(),
      parents: external_exports.array(external_exports.object({ sha: external_exports.string() })).optional(),
      commit: external_exports.object({
        author: external_exports.object({ name: external_exports.string().optional() }).nullable().optional(),
        message: external_exports.string(),
        verification: external_exports.object({ verified: external_exports.boolean() }).optional()
      })
    })
  )
});
var PullRequestFileSchema = external_exports.object({
  filename: external_exports.string(),
  status: external_exports.string()
});
var AuthenticatedUserSchema = external_exports.object({ login: external_exports.string().min(1) });
var ViewerSchema = external_exports.object({ viewer: external_exports.object({ login: external_exports.string().min(1) }) });
var GitRefSchema = external_exports.object({ object: external_exports.object({ sha: external_exports.string() }) });

// src/github/branch-commits.ts
var maxComparedCommits = 300;
var perPage = 100;
async function listBranchCommits(octokit, repo, base, head2) {
  const resource = `${base}...${head2} in ${repo.owner}/${repo.repo}`;
  const commits = [];
  let total = 0;
  for (let page = 1; page <= maxComparedCommits / perPage; page++) {
    const response = await withGitHubError(
      "compare",
      resource,
      () => octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${base}...${head2}`,
        per_page: perPage,
        page
      })
    );
    const compare = parseReply(CompareSchema, response.data, "compare", resource);
    total = compare.total_commits;
    commits.push(
      ...compare.commits.map((c) => ({
        sha: c.sha,
        login: c.author?.login,
        name: c.commit.author?.name,
        verified: c.commit.verification?.verified ?? false,
        message: c.commit.message,
        parents: (c.parents ?? []).map((parent) => parent.sha)
      }))
    );
    if (compare.commits.length < perPage || commits.length >= total) break;
  }
  return { total, commits };
}

// src/github/comments.ts
async function createComment(octokit, repo, issue, body) {
  const resource = `#${issue} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "comment on",
    resource,
    () => octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })
  );
  const comment = parseReply(CommentSchema, response.data, "comment on", resource);
  return { id: comment.id, url: comment.html_url };
}
async function reactToComment(octokit, repo, commentId, content) {
  await withGitHubError(
    "react to comment",
    `${commentId} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content })
  );
}

// src/github/identity.ts
var unknownLogin = "(unknown)";
var viewerQuery = "query { viewer { login } }";
async function getTokenIdentity(octokit) {
  let rest;
  try {
    const response = await withGitHubError(
      "read",
      "the authenticated user",
      () => octokit.rest.users.getAuthenticated()
    );
    return known(parseReply(AuthenticatedUserSchema, response.data, "read", "the authenticated user").login);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    rest = error;
  }
  try {
    const data = await withGitHubError(
      "read",
      "the GraphQL viewer",
      () => octokit.graphql(viewerQuery)
    );
    return known(parseReply(ViewerSchema, data, "read", "the GraphQL viewer").viewer.login);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    return { kind: "unknown", why: `${rest.message}; ${error.message}` };
  }
}
function known(login) {
  return { kind: "login", login };
}
function loginOf(identity) {
  return identity.kind === "login" ? identity.login : unknownLogin;
}

// src/github/issues.ts
function toIssue(payload, operation = "read issue", resource = "reply") {
  const issue = parseReply(IssueSchema, payload, operation, resource);
  return {
    number: issue.number,
    url: issue.html_url,
    state: issue.state,
    title: issue.title,
    body: issue.body ?? "",
    author: issue.user?.login,
    isPullRequest: issue.pull_request !== void 0,
    labels: (issue.labels ?? []).map((label) => typeof label === "string" ? label : label.name)
  };
}
async function getIssue(octokit, repo, number) {
  const resource = `#${number} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "read issue",
    resource,
    () => octokit.rest.issues.get({ ...repo, issue_number: number })
  );
  return toIssue(response.data, "read issue", resource);
}
async function listLabelledIssues(octokit, repo, label) {
  const resource = `labelled ${label} in ${repo.owner}/${repo.repo}`;
  const all = await withGitHubError(
    "list issues",
    resource,
    () => octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: "open",
      labels: label,
      sort: "created",
      direction: "asc",
      per_page: 100
    })
  );
  return all.map((item) => toIssue(item, "list issues", resource)).filter((issue) => !issue.isPullRequest);
}
async function closeIssue(octokit, repo, number) {
  await withGitHubError(
    "close issue",
    `#${number} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.issues.update({
      ...repo,
      issue_number: number,
      state: "closed",
      state_reason: "not_planned"
    })
  );
}
async function createIssue(octokit, repo, input) {
  const resource = `${input.title} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "create issue",
    resource,
    () => octokit.rest.issues.create({ ...repo, title: input.title, body: input.body, labels: [...input.labels] })
  );
  return toIssue(response.data, "create issue", resource);
}
async function updateIssueBody(octokit, repo, number, body) {
  await withGitHubError(
    "update issue",
    `#${number} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.issues.update({ ...repo, issue_number: number, body })
  );
}

// src/github/permission.ts
var permissionLevels = ["none", "read", "triage", "write", "maintain", "admin"];
function isPermissionLevel(text2) {
  return permissionLevels.includes(text2);
}
function atLeast(level, required) {
  return permissionLevels.indexOf(level) >= permissionLevels.indexOf(required);
}
function permissionFrom(payload, resource = "of a user") {
  const answer = parseReply(CollaboratorPermissionSchema, payload, "read permission", resource);
  const role = answer.role_name === "pull" ? "read" : answer.role_name === "push" ? "write" : answer.role_name;
  if (role !== void 0 && isPermissionLevel(role)) return role;
  const flags = answer.user?.permissions;
  if (flags !== void 0) {
    if (flags.admin) return "admin";
    if (flags.maintain) return "maintain";
    if (flags.push) return "write";
    if (flags.triage) return "triage";
    if (flags.pull) return "read";
  }
  return isPermissionLevel(answer.permission) ? answer.permission : "none";
}
async function getPermission(octokit, repo, user) {
  const resource = `of ${user} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError(
      "read permission",
      resource,
      () => octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: user })
    );
    return permissionFrom(response.data, resource);
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return "none";
    throw error;
  }
}

// src/github/pull-request-files.ts
async function getPullRequest(octokit, repo, number) {
  const response = await withGitHubError(
    "read pull request",
    `#${number} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.pulls.get({ ...repo, pull_number: number })
  );
  return toPullRequest(response.data);
}
function isForkHead(pr, repo) {
  return pr.headRepository === void 0 || pr.headRepository.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase();
}
async function listChangedFiles(octokit, repo, number) {
  const resource = `of #${number} in ${repo.owner}/${repo.repo}`;
  const files = await withGitHubError(
    "list files",
    resource,
    () => octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 })
  );
  return files.map((file) => parseReply(PullRequestFileSchema, file, "list files", resource)).filter((file) => file.status !== "removed").map((file) => file.filename);
}
var rawMediaType = "application/vnd.github.raw+json";
async function readFileAt(octokit, repo, path, sha2) {
  const resource = `${path} at ${sha2.slice(0, 7)} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError(
      "read file",
      resource,
      () => octokit.rest.repos.getContent({
        ...repo,
        path,
        ref: sha2,
        headers: { accept: rawMediaType },
        request: { parseSuccessResponseBody: false }
      })
    );
    const body = new Response(response.data);
    const bytes = Buffer.from(await body.arrayBuffer());
    const type = String(response.headers["content-type"] ?? "");
    return type.startsWith("application/json") ? void 0 : bytes;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return void 0;
    throw error;
  }
}

// src/github/update-branch.ts
var BranchMovedError = class extends Error {
  name = "BranchMovedError";
  branch;
  expected;
  actual;
  constructor(branch, expected, actual) {
    super(
      `${branch} moved from ${expected.slice(0, 7)} to ${actual === void 0 ? "nothing (deleted)" : actual.slice(0, 7)} while basepin worked on it`
    );
    this.branch = branch;
    this.expected = expected;
    this.actual = actual;
  }
};
async function readBranch(octokit, repo, branch) {
  const resource = `refs/heads/${branch} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError(
      "read branch",
      resource,
      () => octokit.request("GET /repos/{owner}/{repo}/git/ref/{+ref}", {
        ...repo,
        ref: refPath(`heads/${branch}`)
      })
    );
    return parseReply(GitRefSchema, response.data, "read branch", resource).object.sha;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return void 0;
    throw error;
  }
}
async function moveBranchFrom(octokit, repo, input) {
  const { branch, expected, sha: sha2 } = input;
  if (!input.fastForward) {
    const current = await readBranch(octokit, repo, branch);
    if (current !== expected) throw new BranchMovedError(branch, expected, current);
  }
  try {
    await withGitHubError(
      "update branch",
      `refs/heads/${branch} in ${repo.owner}/${repo.repo}`,
      () => octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{+ref}", {
        ...repo,
        ref: refPath(`heads/${branch}`),
        sha: sha2,
        force: !input.fastForward
      })
    );
  } catch (error) {
    if (error instanceof GitHubError && error.status === 422) {
      throw new BranchMovedError(branch, expected, await readBranch(octokit, repo, branch));
    }
    throw error;
  }
}

// src/github/write-pull-request.ts
async function createPullRequest(octokit, repo, input) {
  try {
    return { pullRequest: await openPullRequest(octokit, repo, input), created: true };
  } catch (error) {
    if (!(error instanceof GitHubError && error.status === 422)) throw error;
    if (input.draft && error.mentions(GitHubMessage.DraftsUnsupported)) {
      return createPullRequest(octokit, repo, { ...input, draft: false });
    }
    if (!error.mentions(GitHubMessage.PullRequestExists)) throw error;
    const existing = await findOpenPullRequest(octokit, repo, input.head);
    if (existing === void 0) throw error;
    return { pullRequest: await updatePullRequest(octokit, repo, existing.number, input), created: false };
  }
}
async function openPullRequest(octokit, repo, input) {
  const resource = `${input.head} \u2192 ${input.base} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "create pull request",
    resource,
    () => octokit.rest.pulls.create({
      ...repo,
      head: input.head,
      base: input.base,
      title: input.title,
      body: input.body,
      draft: input.draft
    })
  );
  return toPullRequest(response.data);
}
async function updatePullRequest(octokit, repo, number, content) {
  const response = await withGitHubError(
    "update pull request",
    `#${number} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.pulls.update({ ...repo, pull_number: number, title: content.title, body: content.body })
  );
  return toPullRequest(response.data);
}
async function closePullRequest(octokit, repo, number, close) {
  const resource = `#${number} in ${repo.owner}/${repo.repo}`;
  await withGitHubError(
    "comment on pull request",
    resource,
    () => octokit.rest.issues.createComment({ ...repo, issue_number: number, body: close.comment })
  );
  await withGitHubError(
    "close pull request",
    resource,
    () => octokit.rest.pulls.update({ ...repo, pull_number: number, state: "closed", body: close.body })
  );
}

// src/github/repository.ts
function createGitHubRepository(octokit, repo, options = {}) {
  const retry2 = options.consistencyRetry ?? defaultConsistencyRetry;
  const baseCommits = /* @__PURE__ */ new Map();
  const baseTree = new BaseTree(octokit, repo);
  let identity;
  const whoAmI = () => identity ??= getTokenIdentity(octokit).then(loginOf);
  return {
    repo,
    commitFiles: (input) => commitFiles(octokit, repo, input, baseCommits, baseTree),
    findOpenPullRequest: (branch) => findOpenPullRequest(octokit, repo, branch),
    listOpenPullRequests: (filter) => listOpenPullRequests(octokit, repo, filter),
    listClosedPullRequests: (branch) => listClosedPullRequests(octokit, repo, branch),
    createPullRequest: (input) => createPullRequest(octokit, repo, input),
    updatePullRequest: (number, content) => updatePullRequest(octokit, repo, number, content),
    closePullRequest: (number, close) => closePullRequest(octokit, repo, number, close),
    deleteBranch: (branch) => deleteBranch(octokit, repo, branch),
    addLabels: (number, labels) => addLabels(octokit, repo, number, labels, retry2),
    requestReviewers: (number, reviewers) => requestReviewers(octokit, repo, number, reviewers, retry2),
    addAssignees: (number, assignees) => addAssignees(octokit, repo, number, assignees, retry2),
    identity: whoAmI,
    permissionOf: (user) => getPermission(octokit, repo, user),
    react: (commentId, content) => reactToComment(octokit, repo, commentId, content),
    comment: (issue, body) => createComment(octokit, repo, issue, body),
    getIssue: (number) => getIssue(octokit, repo, number),
    createIssue: (input) => createIssue(octokit, repo, input),
    updateIssueBody: (number, body) => updateIssueBody(octokit, repo, number, body),
    getPullRequest: (number) => getPullRequest(octokit, repo, number),
    listBranchCommits: (base, head2) => listBranchCommits(octokit, repo, base, head2),
    listChangedFiles: (number) => listChangedFiles(octokit, repo, number),
    readFileAt: (path, sha2) => readFileAt(octokit, repo, path, sha2),
    writeCommit: (input) => writeCommit(octokit, repo, input, baseCommits, baseTree),
    readBranch: (branch) => readBranch(octokit, repo, branch),
    moveBranchFrom: (input) => moveBranchFrom(octokit, repo, input),
    listLabelledIssues: (label) => listLabelledIssues(octokit, repo, label),
    closeIssue: (number) => closeIssue(octokit, repo, number)
  };
}

// src/github/event.ts
var SchedulePayload = external_exports.object({ schedule: external_exports.string().optional() });
var WorkflowDispatchPayload = external_exports.object({
  inputs: external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.boolean(), external_exports.number()])).nullable().optional()
});
var IssueCommentPayload = external_exports.object({
  action: external_exports.string(),
  issue: external_exports.object({
    number: external_exports.number().int().positive(),
    pull_request: external_exports.object({}).passthrough().optional()
  }),
  comment: external_exports.object({
    id: external_exports.number().int(),
    body: external_exports.string().nullable(),
    user: external_exports.object({ login: external_exports.string(), type: external_exports.string().optional() }),
    author_association: external_exports.string()
  })
});
var IssuesPayload = external_exports.object({
  action: external_exports.string(),
  issue: external_exports.object({ number: external_exports.number().int().positive(), body: external_exports.string().nullable().optional() }),
  sender: external_exports.object({ login: external_exports.string(), type: external_exports.string().optional() })
});
function readRunEvent(name, payload) {
  switch (name) {
    case "schedule":
      return { kind: "schedule", schedule: payloadOf(SchedulePayload, payload, "schedule").schedule };
    case "workflow_dispatch": {
      const inputs = payloadOf(WorkflowDispatchPayload, payload, "workflow_dispatch").inputs ?? {};
      return {
        kind: "workflow_dispatch",
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)]))
      };
    }
    case "issue_comment": {
      const event = payloadOf(IssueCommentPayload, payload, "issue_comment");
      return {
        kind: "issue_comment",
        action: event.action,
        issueNumber: event.issue.number,
        onPullRequest: event.issue.pull_request !== void 0,
        commentId: event.comment.id,
        body: event.comment.body ?? "",
        author: event.comment.user.login,
        authorType: event.comment.user.type ?? "User",
        authorAssociation: event.comment.author_association
      };
    }
    case "issues": {
      const event = payloadOf(IssuesPayload, payload, "issues");
      return {
        kind: "issues",
        action: event.action,
        issueNumber: event.issue.number,
        body: event.issue.body ?? "",
        sender: event.sender.login,
        senderType: event.sender.type ?? "User"
      };
    }
    default:
      return { kind: "other", name };
  }
}
function payloadOf(schema, payload, event) {
  return parseReply(schema, payload, "read event", `${event} payload`);
}

// src/github/default-branch.ts
var RepositorySchema = external_exports.object({ default_branch: external_exports.string().min(1) });
async function getDefaultBranch(octokit, repo) {
  const resource = `${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "read repository",
    resource,
    () => octokit.rest.repos.get({ ...repo })
  );
  return parseReply(RepositorySchema, response.data, "read repository", resource).default_branch;
}

// src/org/repository.ts
var repositoryNameShape = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function isRepositoryName(text2) {
  return repositoryNameShape.test(text2) && !text2.endsWith("/.") && !text2.endsWith("/..");
}

// src/org/selection.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var RepositorySelectionError = class extends Error {
  name = "RepositorySelectionError";
};
var patternShape = /^(?:[A-Za-z0-9*?![\]{},-]+\/)?[A-Za-z0-9._*?![\]{},-]+$/;
function parseRepositorySelection(text2) {
  const entries = splitEntries(text2);
  if (entries.length === 0) {
    throw new RepositorySelectionError(
      "repositories: expected `all` or a list of owner/name or glob patterns"
    );
  }
  if (entries.length === 1 && entries[0].toLowerCase() === "all") return { kind: "all" };
  for (const entry of entries) {
    if (entry.toLowerCase() === "all") {
      throw new RepositorySelectionError("repositories: `all` stands alone, not in a list");
    }
    if (!patternShape.test(entry) || /(^|\/)\.{1,2}$/.test(entry)) {
      throw new RepositorySelectionError(
        `repositories: ${JSON.stringify(entry)} is not owner/name, a name or a glob pattern over them`
      );
    }
  }
  return { kind: "patterns", patterns: entries };
}
function splitEntries(text2) {
  const entries = [];
  let current = "";
  let depth = 0;
  for (const char of text2) {
    if (char === "{") depth += 1;
    if (char === "}") depth = Math.max(0, depth - 1);
    if (/\s/.test(char) || char === "," && depth === 0) {
      if (current !== "") entries.push(current);
      current = "";
      depth = 0;
    } else current += char;
  }
  if (current !== "") entries.push(current);
  return entries;
}
function skipReason(repository) {
  if (repository.archived) return "archived";
  if (repository.disabled) return "disabled";
  if (repository.fork) return "fork";
  if (repository.empty) return "empty";
  return void 0;
}
function selectRepositories(listed2, selection) {
  const matchers = selection.kind === "all" ? [] : selection.patterns.map((pattern) => ({
    pattern,
    test: (0, import_picomatch.default)(pattern.toLowerCase(), { dot: true }),
    onName: !pattern.includes("/")
  }));
  const used = /* @__PURE__ */ new Set();
  const selected = [];
  const skipped = [];
  for (const repository of listed2) {
    if (selection.kind === "patterns") {
      const full = repository.fullName.toLowerCase();
      const name = repository.name.toLowerCase();
      const hits = matchers.filter((m) => m.test(m.onName ? name : full));
      if (hits.length === 0) continue;
      for (const hit of hits) used.add(hit.pattern);
    }
    const reason = skipReason(repository);
    if (reason === void 0) selected.push(repository);
    else skipped.push({ repository: repository.fullName, reason });
  }
  const unmatched = matchers.filter((m) => !used.has(m.pattern)).map((m) => m.pattern);
  return { selected, skipped, unmatched };
}

// src/org/resume-order.ts
function resumeOrder(repositories, lastDone) {
  const at = (repository) => {
    const when = lastDone[repository.fullName.toLowerCase()];
    const time = when === void 0 ? Number.NaN : Date.parse(when);
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  };
  return [...repositories].map((repository) => ({ repository, time: at(repository), key: repository.fullName.toLowerCase() })).sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ repository }) => repository);
}

// src/org/shards.ts
var maxShards = 256;
var ShardCountError = class extends Error {
  name = "ShardCountError";
};
function assignShards(items, count) {
  if (!Number.isInteger(count) || count < 1 || count > maxShards) {
    throw new ShardCountError(`shards: expected a whole number from 1 to ${maxShards}, got ${count}`);
  }
  const sorted = [...items].map((item) => ({ ...item, weight: Math.max(1, item.weight), key: item.repository.toLowerCase() })).sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards = Array.from({ length: Math.min(count, sorted.length) }, () => ({
    load: 0,
    repositories: []
  }));
  for (const item of sorted) {
    let lightest = shards[0];
    for (const shard of shards) if (shard.load < lightest.load) lightest = shard;
    lightest.load += item.weight;
    lightest.repositories.push(item.repository);
  }
  return shards.map((shard) => shard.repositories);
}
function shardMatrix(shards) {
  return { shard: shards.map((_, index) => index) };
}

// src/org/resolution-file.ts
var resolutionFileVersion = 1;
var digest = external_exports.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/);
var text = external_exports.string().max(2048);
var HeadSchema = external_exports.object({
  digest,
  mediaType: text,
  verified: external_exports.boolean().optional(),
  fromMirror: text.optional()
});
var AnswerSchema = external_exports.discriminatedUnion("kind", [
  external_exports.object({ kind: external_exports.literal("head"), head: HeadSchema }),
  external_exports.object({ kind: external_exports.literal("manifest"), head: HeadSchema, base64: external_exports.string() }),
  external_exports.object({ kind: external_exports.literal("blob"), base64: external_exports.string() }),
  external_exports.object({ kind: external_exports.literal("tags"), tags: external_exports.array(text), more: external_exports.boolean() }),
  external_exports.object({
    kind: external_exports.literal("referrers"),
    referrers: external_exports.array(
      external_exports.object({
        mediaType: text,
        digest,
        size: external_exports.number().int().nonnegative().optional(),
        artifactType: text.optional(),
        annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
      })
    )
  }),
  /** The question failed in the plan; a shard fails it the same way (by code), never asks again. */
  external_exports.object({
    kind: external_exports.literal("failure"),
    /** `RegistryError` is rebuilt with its code and status; any other name fails as that error would. */
    name: text,
    code: text.optional(),
    status: external_exports.number().int().min(0).max(999).optional(),
    message: external_exports.string().max(4096),
    plain: external_exports.string().max(4096).optional()
  })
]);
var ResolutionFileSchema = external_exports.object({
  version: external_exports.literal(resolutionFileVersion),
  createdAt: external_exports.iso.datetime(),
  /** Repository names (`owner/name`) per shard; a matrix job's `shard` indexes it. */
  shards: external_exports.array(external_exports.array(text).max(1e5)).min(1).max(256),
  /** Answers by question: `<operation> <repository>[:tag|@digest]`. */
  answers: external_exports.record(text, AnswerSchema)
});
var ResolutionFileError = class extends Error {
  name = "ResolutionFileError";
};
function parseResolutionFile(input, source) {
  const read = readJson(input, ResolutionFileSchema);
  if (read.ok) return read.value;
  const { problem } = read;
  if (problem.kind === "syntax") throw new ResolutionFileError(`${source}: ${problem.message}`);
  throw new ResolutionFileError(
    `${source}: not a basepin resolution file v${resolutionFileVersion}: ${problem.path || "(root)"} ${problem.issue}`
  );
}
function shardOf(file, shard) {
  const repositories = Number.isInteger(shard) ? file.shards[shard] : void 0;
  if (repositories === void 0) {
    throw new ResolutionFileError(`shard ${shard}: the resolution has shards 0 to ${file.shards.length - 1}`);
  }
  return repositories;
}

// src/org/rows.ts
function skippedRow(skipped) {
  return {
    repository: skipped.repository,
    state: "skipped",
    dockerfiles: 0,
    updates: 0,
    pullRequests: [],
    error: skipped.reason
  };
}
function rowsJson(rows) {
  return rows.map((row) => ({
    repository: row.repository,
    state: row.state,
    dockerfiles: row.dockerfiles,
    updates: row.updates,
    pullRequests: row.pullRequests.map(({ number, operation }) => ({ number, operation })),
    dashboard: row.dashboard ?? null,
    error: row.error ?? null
  }));
}
function orgExitCode(rows) {
  return rows.some((row) => row.state === "failed") ? 2 : 0;
}
function repositoryUrl(serverUrl, repository) {
  return `${serverUrl.replace(/\/+$/, "")}/${repository}`;
}
function pullRequestLinks(serverUrl, row) {
  if (row.pullRequests.length === 0) return "";
  const base = repositoryUrl(serverUrl, row.repository);
  return row.pullRequests.map((pr) => `[#${pr.number}](${base}/pull/${pr.number})`).join(" ");
}
function renderOrgSummary(rows, serverUrl) {
  const lines = [
    "## basepin: organisation run",
    "",
    "| Repository | Dockerfiles | Updates | Pull requests | State | Error |",
    "| --- | ---: | ---: | --- | --- | --- |",
    ...rows.map(
      (row) => `| ${codeSpan(row.repository, { inTable: true })} | ${row.dockerfiles} | ${row.updates} | ${pullRequestLinks(serverUrl, row)} | ${row.state} | ${row.error === void 0 ? "" : untrustedMarkdown(row.error)} |`
    ),
    "",
    countsLine(rows)
  ];
  return `${lines.join("\n")}
`;
}
var stateOrder = ["proposed", "current", "failed", "skipped", "pending"];
function countsLine(rows) {
  const parts = stateOrder.map((state) => [state, rows.filter((row) => row.state === state).length]).filter(([, count]) => count > 0).map(([state, count]) => `${count} ${state}`);
  return `${rows.length} repositories: ${parts.length ? parts.join(", ") : "none"}.`;
}

// src/org/org-dashboard.ts
var orgDashboardTitle = "basepin organisation dashboard";
var orgDashboardSchemaVersion = 1;
var marker = "basepin:org";
var bodyBudget = 6e4;
var blockBudget = 36e3;
var stateCodes = { current: "c", proposed: "p", skipped: "s", failed: "f", pending: "n" };
var codeStates = Object.fromEntries(Object.entries(stateCodes).map(([k, v]) => [v, k]));
var EntrySchema = external_exports.union([
  external_exports.tuple([external_exports.number().int().nonnegative(), external_exports.enum(["c", "p", "s", "f", "n"])]),
  external_exports.tuple([external_exports.number().int().nonnegative(), external_exports.enum(["c", "p", "s", "f", "n"]), external_exports.number().int().positive()])
]);
var OrgStateSchema = external_exports.object({
  v: external_exports.literal(orgDashboardSchemaVersion),
  repos: external_exports.record(external_exports.string().refine(isRepositoryName, "is not owner/name"), EntrySchema)
});
function readOrgDashboardState(body) {
  const reading = readHiddenBlock(body, marker, OrgStateSchema, orgDashboardSchemaVersion);
  if (reading.kind !== "valid") return reading;
  const state = /* @__PURE__ */ new Map();
  for (const [name, [seconds, code, dashboard]] of Object.entries(reading.state.repos)) {
    state.set(name.toLowerCase(), {
      at: new Date(seconds * 1e3),
      state: codeStates[code],
      ...dashboard === void 0 ? {} : { dashboard }
    });
  }
  return { kind: "valid", state };
}
function lastDoneOf(state) {
  return Object.fromEntries([...state].map(([name, entry]) => [name, entry.at.toISOString()]));
}
function mergeOrgState(previous, rows, now) {
  const next = new Map(previous);
  for (const row of rows) {
    const key = row.repository.toLowerCase();
    const before = previous.get(key);
    const dashboard = row.dashboard ?? before?.dashboard;
    if (row.state === "pending") {
      if (before === void 0) next.set(key, { at: /* @__PURE__ */ new Date(0), state: "pending" });
      continue;
    }
    next.set(key, { at: now, state: row.state, ...dashboard === void 0 ? {} : { dashboard } });
  }
  return next;
}
function renderOrgBlock(state) {
  const entries = [...state].sort(([a, x], [b, y]) => y.at.getTime() - x.at.getTime() || (a < b ? -1 : 1));
  const repos = {};
  let size = 0;
  for (const [name, entry] of entries) {
    const value = [
      Math.floor(entry.at.getTime() / 1e3),
      stateCodes[entry.state],
      ...entry.dashboard === void 0 ? [] : [entry.dashboard]
    ];
    size += name.length + JSON.stringify(value).length + 4;
    if (size > blockBudget) break;
    repos[name] = value;
  }
  return renderHiddenBlock(marker, { v: orgDashboardSchemaVersion, repos });
}
function renderOrgDashboard(input) {
  const block = renderOrgBlock(input.state);
  const spelled = new Map(input.rows.map((row) => [row.repository.toLowerCase(), row]));
  const all = [...input.state].map(([key, entry]) => {
    const row = spelled.get(key);
    return {
      name: row?.repository ?? key,
      state: row === void 0 || row.state === "pending" ? entry.state : row.state,
      dashboard: row?.dashboard ?? entry.dashboard,
      error: row?.error,
      reached: row !== void 0 && row.state !== "pending"
    };
  });
  const rank = {
    failed: 0,
    proposed: 1,
    pending: 2,
    skipped: 3,
    current: 4
  };
  all.sort((a, b) => rank[a.state] - rank[b.state] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const head2 = [
    `# ${orgDashboardTitle}`,
    "",
    `Last run: ${input.now.toISOString()}. ${countsLine(input.rows)}`,
    "",
    "| Repository | State | Dashboard | Error |",
    "| --- | --- | --- | --- |"
  ];
  const lines = [];
  let size = head2.join("\n").length + block.length + 200;
  let left = 0;
  for (const entry of all) {
    const url = repositoryUrl(input.serverUrl, entry.name);
    const line = `| ${codeSpan(entry.name, { inTable: true })} | ${entry.state}${entry.reached ? "" : " (earlier run)"} | ${entry.dashboard === void 0 ? "" : `[#${entry.dashboard}](${url}/issues/${entry.dashboard})`} | ${entry.error === void 0 ? "" : untrustedMarkdown(entry.error, 200)} |`;
    if (size + line.length + 1 > bodyBudget) {
      left += 1;
      continue;
    }
    size += line.length + 1;
    lines.push(line);
  }
  const cut = left === 0 ? [] : ["", `${left} more repositories are not listed (the issue body is full).`];
  return [...head2, ...lines, ...cut, "", block, ""].join("\n");
}

// node_modules/@octokit/oauth-methods/dist-bundle/index.js
function requestToOAuthBaseUrl(request2) {
  const endpointDefaults = request2.endpoint.DEFAULTS;
  if (/^https:\/\/(api\.)?github\.com$/.test(endpointDefaults.baseUrl)) {
    return "https://github.com";
  }
  if (/^https:\/\/api\..*\.ghe\.com$/.test(endpointDefaults.baseUrl)) {
    return endpointDefaults.baseUrl.replace("api.", "");
  }
  return endpointDefaults.baseUrl.replace("/api/v3", "");
}
async function oauthRequest(request2, route, parameters) {
  const withOAuthParameters = {
    baseUrl: requestToOAuthBaseUrl(request2),
    headers: {
      accept: "application/json"
    },
    ...parameters
  };
  const response = await request2(route, withOAuthParameters);
  if ("error" in response.data) {
    const error = new RequestError(
      `${response.data.error_description} (${response.data.error}, ${response.data.error_uri})`,
      400,
      {
        request: request2.endpoint.merge(
          route,
          withOAuthParameters
        )
      }
    );
    error.response = response;
    throw error;
  }
  return response;
}
async function exchangeWebFlowCode(options) {
  const request2 = options.request || request;
  const response = await oauthRequest(
    request2,
    "POST /login/oauth/access_token",
    {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code: options.code,
      redirect_uri: options.redirectUrl
    }
  );
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: response.data.access_token,
    scopes: response.data.scope.split(/\s+/).filter(Boolean)
  };
  if (options.clientType === "github-app") {
    if ("refresh_token" in response.data) {
      const apiTimeInMs = new Date(response.headers.date).getTime();
      authentication.refreshToken = response.data.refresh_token, authentication.expiresAt = toTimestamp(
        apiTimeInMs,
        response.data.expires_in
      ), authentication.refreshTokenExpiresAt = toTimestamp(
        apiTimeInMs,
        response.data.refresh_token_expires_in
      );
    }
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
function toTimestamp(apiTimeInMs, expirationInSeconds) {
  return new Date(apiTimeInMs + expirationInSeconds * 1e3).toISOString();
}
async function createDeviceCode(options) {
  const request2 = options.request || request;
  const parameters = {
    client_id: options.clientId
  };
  if ("scopes" in options && Array.isArray(options.scopes)) {
    parameters.scope = options.scopes.join(" ");
  }
  return oauthRequest(request2, "POST /login/device/code", parameters);
}
async function exchangeDeviceCode(options) {
  const request2 = options.request || request;
  const response = await oauthRequest(
    request2,
    "POST /login/oauth/access_token",
    {
      client_id: options.clientId,
      device_code: options.code,
      grant_type: "urn:ietf:params:oauth:grant-type:device_code"
    }
  );
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    token: response.data.access_token,
    scopes: response.data.scope.split(/\s+/).filter(Boolean)
  };
  if ("clientSecret" in options) {
    authentication.clientSecret = options.clientSecret;
  }
  if (options.clientType === "github-app") {
    if ("refresh_token" in response.data) {
      const apiTimeInMs = new Date(response.headers.date).getTime();
      authentication.refreshToken = response.data.refresh_token, authentication.expiresAt = toTimestamp2(
        apiTimeInMs,
        response.data.expires_in
      ), authentication.refreshTokenExpiresAt = toTimestamp2(
        apiTimeInMs,
        response.data.refresh_token_expires_in
      );
    }
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
function toTimestamp2(apiTimeInMs, expirationInSeconds) {
  return new Date(apiTimeInMs + expirationInSeconds * 1e3).toISOString();
}
async function checkToken(options) {
  const request2 = options.request || request;
  const response = await request2("POST /applications/{client_id}/token", {
    headers: {
      authorization: `basic ${btoa(
        `${options.clientId}:${options.clientSecret}`
      )}`
    },
    client_id: options.clientId,
    access_token: options.token
  });
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: options.token,
    scopes: response.data.scopes
  };
  if (response.data.expires_at)
    authentication.expiresAt = response.data.expires_at;
  if (options.clientType === "github-app") {
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
async function refreshToken(options) {
  const request2 = options.request || request;
  const response = await oauthRequest(
    request2,
    "POST /login/oauth/access_token",
    {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      grant_type: "refresh_token",
      refresh_token: options.refreshToken
    }
  );
  const apiTimeInMs = new Date(response.headers.date).getTime();
  const authentication = {
    clientType: "github-app",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: response.data.access_token,
    refreshToken: response.data.refresh_token,
    expiresAt: toTimestamp3(apiTimeInMs, response.data.expires_in),
    refreshTokenExpiresAt: toTimestamp3(
      apiTimeInMs,
      response.data.refresh_token_expires_in
    )
  };
  return { ...response, authentication };
}
function toTimestamp3(apiTimeInMs, expirationInSeconds) {
  return new Date(apiTimeInMs + expirationInSeconds * 1e3).toISOString();
}
async function resetToken(options) {
  const request2 = options.request || request;
  const auth6 = btoa(`${options.clientId}:${options.clientSecret}`);
  const response = await request2(
    "PATCH /applications/{client_id}/token",
    {
      headers: {
        authorization: `basic ${auth6}`
      },
      client_id: options.clientId,
      access_token: options.token
    }
  );
  const authentication = {
    clientType: options.clientType,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    token: response.data.token,
    scopes: response.data.scopes
  };
  if (response.data.expires_at)
    authentication.expiresAt = response.data.expires_at;
  if (options.clientType === "github-app") {
    delete authentication.scopes;
  }
  return { ...response, authentication };
}
async function deleteToken(options) {
  const request2 = options.request || request;
  const auth6 = btoa(`${options.clientId}:${options.clientSecret}`);
  return request2(
    "DELETE /applications/{client_id}/token",
    {
      headers: {
        authorization: `basic ${auth6}`
      },
      client_id: options.clientId,
      access_token: options.token
    }
  );
}
async function deleteAuthorization(options) {
  const request2 = options.request || request;
  const auth6 = btoa(`${options.clientId}:${options.clientSecret}`);
  return request2(
    "DELETE /applications/{client_id}/grant",
    {
      headers: {
        authorization: `basic ${auth6}`
      },
      client_id: options.clientId,
      access_token: options.token
    }
  );
}

// node_modules/@octokit/auth-oauth-device/dist-bundle/index.js
async function getOAuthAccessToken(state, options) {
  const cachedAuthentication = getCachedAuthentication(state, options.auth);
  if (cachedAuthentication) return cachedAuthentication;
  const { data: verification } = await createDeviceCode({
    clientType: state.clientType,
    clientId: state.clientId,
    request: options.request || state.request,
    // @ts-expect-error the extra code to make TS happy is not worth it
    scopes: options.auth.scopes || state.scopes
  });
  await state.onVerification(verification);
  const authentication = await waitForAccessToken(
    options.request || state.request,
    state.clientId,
    state.clientType,
    verification
  );
  state.authentication = authentication;
  return authentication;
}
function getCachedAuthentication(state, auth22) {
  if (auth22.refresh === true) return false;
  if (!state.authentication) return false;
  if (state.clientType === "github-app") {
    return state.authentication;
  }
  const authentication = state.authentication;
  const newScope = ("scopes" in auth22 && auth22.scopes || state.scopes).join(
    " "
  );
  const currentScope = authentication.scopes.join(" ");
  return newScope === currentScope ? authentication : false;
}
async function wait(seconds) {
  await new Promise((resolve2) => setTimeout(resolve2, seconds * 1e3));
}
async function waitForAccessToken(request2, clientId, clientType, verification) {
  try {
    const options = {
      clientId,
      request: request2,
      code: verification.device_code
    };
    const { authentication } = clientType === "oauth-app" ? await exchangeDeviceCode({
      ...options,
      clientType: "oauth-app"
    }) : await exchangeDeviceCode({
      ...options,
      clientType: "github-app"
    });
    return {
      type: "token",
      tokenType: "oauth",
      ...authentication
    };
  } catch (error) {
    if (!error.response) throw error;
    const errorType = error.response.data.error;
    if (errorType === "authorization_pending") {
      await wait(verification.interval);
      return waitForAccessToken(request2, clientId, clientType, verification);
    }
    if (errorType === "slow_down") {
      await wait(verification.interval + 7);
      return waitForAccessToken(request2, clientId, clientType, verification);
    }
    throw error;
  }
}
async function auth2(state, authOptions) {
  return getOAuthAccessToken(state, {
    auth: authOptions
  });
}
async function hook2(state, request2, route, parameters) {
  let endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  if (/\/login\/(oauth\/access_token|device\/code)$/.test(endpoint2.url)) {
    return request2(endpoint2);
  }
  const { token } = await getOAuthAccessToken(state, {
    request: request2,
    auth: { type: "oauth" }
  });
  endpoint2.headers.authorization = `token ${token}`;
  return request2(endpoint2);
}
var VERSION11 = "0.0.0-development";
function createOAuthDeviceAuth(options) {
  const requestWithDefaults = options.request || request.defaults({
    headers: {
      "user-agent": `octokit-auth-oauth-device.js/${VERSION11} ${getUserAgent()}`
    }
  });
  const { request: request2 = requestWithDefaults, ...otherOptions } = options;
  const state = options.clientType === "github-app" ? {
    ...otherOptions,
    clientType: "github-app",
    request: request2
  } : {
    ...otherOptions,
    clientType: "oauth-app",
    request: request2,
    scopes: options.scopes || []
  };
  if (!options.clientId) {
    throw new Error(
      '[@octokit/auth-oauth-device] "clientId" option must be set (https://github.com/octokit/auth-oauth-device.js#usage)'
    );
  }
  if (!options.onVerification) {
    throw new Error(
      '[@octokit/auth-oauth-device] "onVerification" option must be a function (https://github.com/octokit/auth-oauth-device.js#usage)'
    );
  }
  return Object.assign(auth2.bind(null, state), {
    hook: hook2.bind(null, state)
  });
}

// node_modules/@octokit/auth-oauth-user/dist-bundle/index.js
var VERSION12 = "0.0.0-development";
async function getAuthentication(state) {
  if ("code" in state.strategyOptions) {
    const { authentication } = await exchangeWebFlowCode({
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      clientType: state.clientType,
      onTokenCreated: state.onTokenCreated,
      ...state.strategyOptions,
      request: state.request
    });
    return {
      type: "token",
      tokenType: "oauth",
      ...authentication
    };
  }
  if ("onVerification" in state.strategyOptions) {
    const deviceAuth = createOAuthDeviceAuth({
      clientType: state.clientType,
      clientId: state.clientId,
      onTokenCreated: state.onTokenCreated,
      ...state.strategyOptions,
      request: state.request
    });
    const authentication = await deviceAuth({
      type: "oauth"
    });
    return {
      clientSecret: state.clientSecret,
      ...authentication
    };
  }
  if ("token" in state.strategyOptions) {
    return {
      type: "token",
      tokenType: "oauth",
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      clientType: state.clientType,
      onTokenCreated: state.onTokenCreated,
      ...state.strategyOptions
    };
  }
  throw new Error("[@octokit/auth-oauth-user] Invalid strategy options");
}
async function auth3(state, options = {}) {
  if (!state.authentication) {
    state.authentication = state.clientType === "oauth-app" ? await getAuthentication(state) : await getAuthentication(state);
  }
  if (state.authentication.invalid) {
    throw new Error("[@octokit/auth-oauth-user] Token is invalid");
  }
  const currentAuthentication = state.authentication;
  if ("expiresAt" in currentAuthentication) {
    if (options.type === "refresh" || new Date(currentAuthentication.expiresAt) < /* @__PURE__ */ new Date()) {
      const { authentication } = await refreshToken({
        clientType: "github-app",
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        refreshToken: currentAuthentication.refreshToken,
        request: state.request
      });
      state.authentication = {
        tokenType: "oauth",
        type: "token",
        ...authentication
      };
    }
  }
  if (options.type === "refresh") {
    if (state.clientType === "oauth-app") {
      throw new Error(
        "[@octokit/auth-oauth-user] OAuth Apps do not support expiring tokens"
      );
    }
    if (!currentAuthentication.hasOwnProperty("expiresAt")) {
      throw new Error("[@octokit/auth-oauth-user] Refresh token missing");
    }
    await state.onTokenCreated?.(state.authentication, {
      type: options.type
    });
  }
  if (options.type === "check" || options.type === "reset") {
    const method = options.type === "check" ? checkToken : resetToken;
    try {
      const { authentication } = await method({
        // @ts-expect-error making TS happy would require unnecessary code so no
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: state.authentication.token,
        request: state.request
      });
      state.authentication = {
        tokenType: "oauth",
        type: "token",
        // @ts-expect-error TBD
        ...authentication
      };
      if (options.type === "reset") {
        await state.onTokenCreated?.(state.authentication, {
          type: options.type
        });
      }
      return state.authentication;
    } catch (error) {
      if (error.status === 404) {
        error.message = "[@octokit/auth-oauth-user] Token is invalid";
        state.authentication.invalid = true;
      }
      throw error;
    }
  }
  if (options.type === "delete" || options.type === "deleteAuthorization") {
    const method = options.type === "delete" ? deleteToken : deleteAuthorization;
    try {
      await method({
        // @ts-expect-error making TS happy would require unnecessary code so no
        clientType: state.clientType,
        clientId: state.clientId,
        clientSecret: state.clientSecret,
        token: state.authentication.token,
        request: state.request
      });
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    state.authentication.invalid = true;
    return state.authentication;
  }
  return state.authentication;
}
var ROUTES_REQUIRING_BASIC_AUTH = /\/applications\/[^/]+\/(token|grant)s?/;
function requiresBasicAuth(url) {
  return url && ROUTES_REQUIRING_BASIC_AUTH.test(url);
}
async function hook3(state, request2, route, parameters = {}) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  if (/\/login\/(oauth\/access_token|device\/code)$/.test(endpoint2.url)) {
    return request2(endpoint2);
  }
  if (requiresBasicAuth(endpoint2.url)) {
    const credentials = btoa(`${state.clientId}:${state.clientSecret}`);
    endpoint2.headers.authorization = `basic ${credentials}`;
    return request2(endpoint2);
  }
  const { token } = state.clientType === "oauth-app" ? await auth3({ ...state, request: request2 }) : await auth3({ ...state, request: request2 });
  endpoint2.headers.authorization = "token " + token;
  return request2(endpoint2);
}
function createOAuthUserAuth({
  clientId,
  clientSecret,
  clientType = "oauth-app",
  request: request2 = request.defaults({
    headers: {
      "user-agent": `octokit-auth-oauth-app.js/${VERSION12} ${getUserAgent()}`
    }
  }),
  onTokenCreated,
  ...strategyOptions
}) {
  const state = Object.assign({
    clientType,
    clientId,
    clientSecret,
    onTokenCreated,
    strategyOptions,
    request: request2
  });
  return Object.assign(auth3.bind(null, state), {
    // @ts-expect-error not worth the extra code needed to appease TS
    hook: hook3.bind(null, state)
  });
}
createOAuthUserAuth.VERSION = VERSION12;

// node_modules/@octokit/auth-oauth-app/dist-bundle/index.js
async function auth4(state, authOptions) {
  if (authOptions.type === "oauth-app") {
    return {
      type: "oauth-app",
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      clientType: state.clientType,
      headers: {
        authorization: `basic ${btoa(
          `${state.clientId}:${state.clientSecret}`
        )}`
      }
    };
  }
  if ("factory" in authOptions) {
    const { type, ...options } = {
      ...authOptions,
      ...state
    };
    return authOptions.factory(options);
  }
  const common = {
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    request: state.request,
    ...authOptions
  };
  const userAuth = state.clientType === "oauth-app" ? await createOAuthUserAuth({
    ...common,
    clientType: state.clientType
  }) : await createOAuthUserAuth({
    ...common,
    clientType: state.clientType
  });
  return userAuth();
}
async function hook4(state, request2, route, parameters) {
  let endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  if (/\/login\/(oauth\/access_token|device\/code)$/.test(endpoint2.url)) {
    return request2(endpoint2);
  }
  if (state.clientType === "github-app" && !requiresBasicAuth(endpoint2.url)) {
    throw new Error(
      `[@octokit/auth-oauth-app] GitHub Apps cannot use their client ID/secret for basic authentication for endpoints other than "/applications/{client_id}/**". "${endpoint2.method} ${endpoint2.url}" is not supported.`
    );
  }
  const credentials = btoa(`${state.clientId}:${state.clientSecret}`);
  endpoint2.headers.authorization = `basic ${credentials}`;
  try {
    return await request2(endpoint2);
  } catch (error) {
    if (error.status !== 401) throw error;
    error.message = `[@octokit/auth-oauth-app] "${endpoint2.method} ${endpoint2.url}" does not support clientId/clientSecret basic authentication.`;
    throw error;
  }
}
var VERSION13 = "0.0.0-development";
function createOAuthAppAuth(options) {
  const state = Object.assign(
    {
      request: request.defaults({
        headers: {
          "user-agent": `octokit-auth-oauth-app.js/${VERSION13} ${getUserAgent()}`
        }
      }),
      clientType: "oauth-app"
    },
    options
  );
  return Object.assign(auth4.bind(null, state), {
    hook: hook4.bind(null, state)
  });
}

// node_modules/universal-github-app-jwt/lib/utils.js
function isPkcs1(privateKey) {
  return privateKey.includes("-----BEGIN RSA PRIVATE KEY-----");
}
function isOpenSsh(privateKey) {
  return privateKey.includes("-----BEGIN OPENSSH PRIVATE KEY-----");
}
function string2ArrayBuffer(str) {
  const buf = new ArrayBuffer(str.length);
  const bufView = new Uint8Array(buf);
  for (let i = 0, strLen = str.length; i < strLen; i++) {
    bufView[i] = str.charCodeAt(i);
  }
  return buf;
}
function getDERfromPEM(pem) {
  const pemB64 = pem.trim().split("\n").slice(1, -1).join("");
  const decoded = atob(pemB64);
  return string2ArrayBuffer(decoded);
}
function getEncodedMessage(header, payload) {
  return `${base64encodeJSON(header)}.${base64encodeJSON(payload)}`;
}
function base64encode(buffer) {
  var binary = "";
  var bytes = new Uint8Array(buffer);
  var len = bytes.byteLength;
  for (var i = 0; i < len; i++) {
    binary += String.fromCharCode(bytes[i]);
  }
  return fromBase64(btoa(binary));
}
function fromBase64(base64) {
  return base64.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
}
function base64encodeJSON(obj) {
  return fromBase64(btoa(JSON.stringify(obj)));
}

// node_modules/universal-github-app-jwt/lib/crypto-node.js
import { subtle } from "node:crypto";
import { createPrivateKey } from "node:crypto";
function convertPrivateKey(privateKey) {
  if (!isPkcs1(privateKey)) return privateKey;
  return createPrivateKey(privateKey).export({
    type: "pkcs8",
    format: "pem"
  });
}

// node_modules/universal-github-app-jwt/lib/get-token.js
async function getToken({ privateKey, payload }) {
  const convertedPrivateKey = convertPrivateKey(privateKey);
  if (isPkcs1(convertedPrivateKey)) {
    throw new Error(
      "[universal-github-app-jwt] Private Key is in PKCS#1 format, but only PKCS#8 is supported. See https://github.com/gr2m/universal-github-app-jwt#private-key-formats"
    );
  }
  if (isOpenSsh(convertedPrivateKey)) {
    throw new Error(
      "[universal-github-app-jwt] Private Key is in OpenSSH format, but only PKCS#8 is supported. See https://github.com/gr2m/universal-github-app-jwt#private-key-formats"
    );
  }
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: { name: "SHA-256" }
  };
  const header = { alg: "RS256", typ: "JWT" };
  const privateKeyDER = getDERfromPEM(convertedPrivateKey);
  const importedKey = await subtle.importKey(
    "pkcs8",
    privateKeyDER,
    algorithm,
    false,
    ["sign"]
  );
  const encodedMessage = getEncodedMessage(header, payload);
  const encodedMessageArrBuf = string2ArrayBuffer(encodedMessage);
  const signatureArrBuf = await subtle.sign(
    algorithm.name,
    importedKey,
    encodedMessageArrBuf
  );
  const encodedSignature = base64encode(signatureArrBuf);
  return `${encodedMessage}.${encodedSignature}`;
}

// node_modules/universal-github-app-jwt/index.js
async function githubAppJwt({
  id,
  privateKey,
  now = Math.floor(Date.now() / 1e3)
}) {
  const privateKeyWithNewlines = privateKey.replace(/\\n/g, "\n");
  const nowWithSafetyMargin = now - 30;
  const expiration = nowWithSafetyMargin + 60 * 10;
  const payload = {
    iat: nowWithSafetyMargin,
    // Issued at time
    exp: expiration,
    iss: id
  };
  const token = await getToken({
    privateKey: privateKeyWithNewlines,
    payload
  });
  return {
    appId: id,
    expiration,
    token
  };
}

// node_modules/toad-cache/dist/toad-cache.mjs
function validateCacheParams(max, ttlInMsecs) {
  if (typeof max !== "number" || !Number.isInteger(max) || max < 0) {
    throw new Error("Invalid max value");
  }
  if (typeof ttlInMsecs !== "number" || !Number.isInteger(ttlInMsecs) || ttlInMsecs < 0) {
    throw new Error("Invalid ttl value");
  }
}
var LruObject = class {
  constructor(max = 1e3, ttlInMsecs = 0) {
    validateCacheParams(max, ttlInMsecs);
    this.first = null;
    this.items = /* @__PURE__ */ Object.create(null);
    this.last = null;
    this.size = 0;
    this.max = max;
    this.ttl = ttlInMsecs;
  }
  bumpLru(item) {
    if (this.last === item) {
      return;
    }
    const last = this.last;
    const next = item.next;
    const prev = item.prev;
    if (this.first === item) {
      this.first = next;
    }
    item.next = null;
    item.prev = last;
    last.next = item;
    if (prev !== null) {
      prev.next = next;
    }
    if (next !== null) {
      next.prev = prev;
    }
    this.last = item;
  }
  clear() {
    this.items = /* @__PURE__ */ Object.create(null);
    this.first = null;
    this.last = null;
    this.size = 0;
  }
  delete(key) {
    const item = this.items[key];
    if (item !== void 0) {
      delete this.items[key];
      this.size--;
      if (item.prev !== null) {
        item.prev.next = item.next;
      }
      if (item.next !== null) {
        item.next.prev = item.prev;
      }
      if (this.first === item) {
        this.first = item.next;
      }
      if (this.last === item) {
        this.last = item.prev;
      }
    }
  }
  deleteMany(keys) {
    for (var i = 0; i < keys.length; i++) {
      this.delete(keys[i]);
    }
  }
  evict() {
    if (this.size > 0) {
      const item = this.first;
      delete this.items[item.key];
      if (--this.size === 0) {
        this.first = null;
        this.last = null;
      } else {
        this.first = item.next;
        this.first.prev = null;
      }
    }
  }
  expiresAt(key) {
    const item = this.items[key];
    if (item !== void 0) {
      return item.expiry;
    }
  }
  get(key) {
    const item = this.items[key];
    if (item !== void 0) {
      if (this.ttl > 0 && item.expiry <= Date.now()) {
        this.delete(key);
        return;
      }
      this.bumpLru(item);
      return item.value;
    }
  }
  getMany(keys) {
    const result = new Array(keys.length);
    for (var i = 0; i < keys.length; i++) {
      result[i] = this.get(keys[i]);
    }
    return result;
  }
  keys() {
    return Object.keys(this.items);
  }
  set(key, value) {
    const existing = this.items[key];
    if (existing !== void 0) {
      existing.value = value;
      existing.expiry = this.ttl > 0 ? Date.now() + this.ttl : this.ttl;
      this.bumpLru(existing);
      return;
    }
    if (this.max > 0 && this.size >= this.max) {
      this.evict();
    }
    const item = {
      expiry: this.ttl > 0 ? Date.now() + this.ttl : this.ttl,
      key,
      prev: this.last,
      next: null,
      value
    };
    this.items[key] = item;
    if (++this.size === 1) {
      this.first = item;
    } else {
      this.last.next = item;
    }
    this.last = item;
  }
};

// node_modules/@octokit/auth-app/dist-node/index.js
async function getAppAuthentication({
  appId,
  privateKey,
  timeDifference,
  createJwt
}) {
  try {
    if (createJwt) {
      const { jwt, expiresAt } = await createJwt(appId, timeDifference);
      return {
        type: "app",
        token: jwt,
        appId,
        expiresAt
      };
    }
    const authOptions = {
      id: appId,
      privateKey
    };
    if (timeDifference) {
      Object.assign(authOptions, {
        now: Math.floor(Date.now() / 1e3) + timeDifference
      });
    }
    const appAuthentication = await githubAppJwt(authOptions);
    return {
      type: "app",
      token: appAuthentication.token,
      appId: appAuthentication.appId,
      expiresAt: new Date(appAuthentication.expiration * 1e3).toISOString()
    };
  } catch (error) {
    if (privateKey === "-----BEGIN RSA PRIVATE KEY-----") {
      throw new Error(
        "The 'privateKey` option contains only the first line '-----BEGIN RSA PRIVATE KEY-----'. If you are setting it using a `.env` file, make sure it is set on a single line with newlines replaced by '\n'"
      );
    } else {
      throw error;
    }
  }
}
function getCache() {
  return new LruObject(
    // cache max. 15000 tokens, that will use less than 10mb memory
    15e3,
    // Cache for 1 minute less than GitHub expiry
    1e3 * 60 * 59
  );
}
async function get(cache, options) {
  const cacheKey = optionsToCacheKey(options);
  const result = await cache.get(cacheKey);
  if (!result) {
    return;
  }
  const [
    token,
    createdAt,
    expiresAt,
    repositorySelection,
    permissionsString,
    singleFileName
  ] = result.split("|");
  const permissions = options.permissions || permissionsString.split(/,/).reduce((permissions2, string) => {
    if (/!$/.test(string)) {
      permissions2[string.slice(0, -1)] = "write";
    } else {
      permissions2[string] = "read";
    }
    return permissions2;
  }, {});
  return {
    token,
    createdAt,
    expiresAt,
    permissions,
    repositoryIds: options.repositoryIds,
    repositoryNames: options.repositoryNames,
    singleFileName,
    repositorySelection
  };
}
async function set(cache, options, data) {
  const key = optionsToCacheKey(options);
  const permissionsString = options.permissions ? "" : Object.keys(data.permissions).map(
    (name) => `${name}${data.permissions[name] === "write" ? "!" : ""}`
  ).join(",");
  const value = [
    data.token,
    data.createdAt,
    data.expiresAt,
    data.repositorySelection,
    permissionsString,
    data.singleFileName
  ].join("|");
  await cache.set(key, value);
}
function optionsToCacheKey({
  installationId,
  permissions = {},
  repositoryIds = [],
  repositoryNames = []
}) {
  const permissionsString = Object.keys(permissions).sort().map((name) => permissions[name] === "read" ? name : `${name}!`).join(",");
  const repositoryIdsString = repositoryIds.sort().join(",");
  const repositoryNamesString = repositoryNames.join(",");
  return [
    installationId,
    repositoryIdsString,
    repositoryNamesString,
    permissionsString
  ].filter(Boolean).join("|");
}
function toTokenAuthentication({
  installationId,
  token,
  createdAt,
  expiresAt,
  repositorySelection,
  permissions,
  repositoryIds,
  repositoryNames,
  singleFileName
}) {
  return Object.assign(
    {
      type: "token",
      tokenType: "installation",
      token,
      installationId,
      permissions,
      createdAt,
      expiresAt,
      repositorySelection
    },
    repositoryIds ? { repositoryIds } : null,
    repositoryNames ? { repositoryNames } : null,
    singleFileName ? { singleFileName } : null
  );
}
async function getInstallationAuthentication(state, options, customRequest) {
  const installationId = Number(options.installationId || state.installationId);
  if (!installationId) {
    throw new Error(
      "[@octokit/auth-app] installationId option is required for installation authentication."
    );
  }
  if (options.factory) {
    const { type, factory, oauthApp, ...factoryAuthOptions } = {
      ...state,
      ...options
    };
    return factory(factoryAuthOptions);
  }
  const request2 = customRequest || state.request;
  return getInstallationAuthenticationConcurrently(
    state,
    { ...options, installationId },
    request2
  );
}
var pendingPromises = /* @__PURE__ */ new Map();
function getInstallationAuthenticationConcurrently(state, options, request2) {
  const cacheKey = optionsToCacheKey(options);
  if (pendingPromises.has(cacheKey)) {
    return pendingPromises.get(cacheKey);
  }
  const promise = getInstallationAuthenticationImpl(
    state,
    options,
    request2
  ).finally(() => pendingPromises.delete(cacheKey));
  pendingPromises.set(cacheKey, promise);
  return promise;
}
async function getInstallationAuthenticationImpl(state, options, request2) {
  if (!options.refresh) {
    const result = await get(state.cache, options);
    if (result) {
      const {
        token: token2,
        createdAt: createdAt2,
        expiresAt: expiresAt2,
        permissions: permissions2,
        repositoryIds: repositoryIds2,
        repositoryNames: repositoryNames2,
        singleFileName: singleFileName2,
        repositorySelection: repositorySelection2
      } = result;
      return toTokenAuthentication({
        installationId: options.installationId,
        token: token2,
        createdAt: createdAt2,
        expiresAt: expiresAt2,
        permissions: permissions2,
        repositorySelection: repositorySelection2,
        repositoryIds: repositoryIds2,
        repositoryNames: repositoryNames2,
        singleFileName: singleFileName2
      });
    }
  }
  const appAuthentication = await getAppAuthentication(state);
  const payload = {
    installation_id: options.installationId,
    mediaType: {
      previews: ["machine-man"]
    },
    headers: {
      authorization: `bearer ${appAuthentication.token}`
    }
  };
  if (options.repositoryIds) {
    Object.assign(payload, { repository_ids: options.repositoryIds });
  }
  if (options.repositoryNames) {
    Object.assign(payload, {
      repositories: options.repositoryNames
    });
  }
  if (options.permissions) {
    Object.assign(payload, { permissions: options.permissions });
  }
  const {
    data: {
      token,
      expires_at: expiresAt,
      repositories,
      permissions: permissionsOptional,
      repository_selection: repositorySelectionOptional,
      single_file: singleFileName
    }
  } = await request2(
    "POST /app/installations/{installation_id}/access_tokens",
    payload
  );
  const permissions = permissionsOptional || {};
  const repositorySelection = repositorySelectionOptional || "all";
  const repositoryIds = repositories ? repositories.map((r) => r.id) : void 0;
  const repositoryNames = repositories ? repositories.map((repo) => repo.name) : void 0;
  const createdAt = (/* @__PURE__ */ new Date()).toISOString();
  const cacheOptions = {
    token,
    createdAt,
    expiresAt,
    repositorySelection,
    permissions,
    repositoryIds,
    repositoryNames
  };
  if (singleFileName) {
    Object.assign(payload, { singleFileName });
  }
  await set(state.cache, options, cacheOptions);
  const cacheData = {
    installationId: options.installationId,
    token,
    createdAt,
    expiresAt,
    repositorySelection,
    permissions,
    repositoryIds,
    repositoryNames
  };
  if (singleFileName) {
    Object.assign(cacheData, { singleFileName });
  }
  return toTokenAuthentication(cacheData);
}
async function auth5(state, authOptions) {
  switch (authOptions.type) {
    case "app":
      return getAppAuthentication(state);
    case "oauth-app":
      return state.oauthApp({ type: "oauth-app" });
    case "installation":
      authOptions;
      return getInstallationAuthentication(state, {
        ...authOptions,
        type: "installation"
      });
    case "oauth-user":
      return state.oauthApp(authOptions);
    default:
      throw new Error(`Invalid auth type: ${authOptions.type}`);
  }
}
var PATHS = [
  "/app",
  "/app/hook/config",
  "/app/hook/deliveries",
  "/app/hook/deliveries/{delivery_id}",
  "/app/hook/deliveries/{delivery_id}/attempts",
  "/app/installations",
  "/app/installations/{installation_id}",
  "/app/installations/{installation_id}/access_tokens",
  "/app/installations/{installation_id}/suspended",
  "/app/installation-requests",
  "/marketplace_listing/accounts/{account_id}",
  "/marketplace_listing/plan",
  "/marketplace_listing/plans",
  "/marketplace_listing/plans/{plan_id}/accounts",
  "/marketplace_listing/stubbed/accounts/{account_id}",
  "/marketplace_listing/stubbed/plan",
  "/marketplace_listing/stubbed/plans",
  "/marketplace_listing/stubbed/plans/{plan_id}/accounts",
  "/orgs/{org}/installation",
  "/repos/{owner}/{repo}/installation",
  "/users/{username}/installation",
  "/enterprises/{enterprise}/installation"
];
function routeMatcher2(paths) {
  const regexes = paths.map(
    (p) => p.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})$`;
  return new RegExp(regex2, "i");
}
var REGEX = routeMatcher2(PATHS);
function requiresAppAuth(url) {
  return !!url && REGEX.test(url.split("?")[0]);
}
var FIVE_SECONDS_IN_MS = 5 * 1e3;
function isNotTimeSkewError(error) {
  return !(error.message.match(
    /'Expiration time' claim \('exp'\) is too far in the future/
  ) || error.message.match(
    /'Expiration time' claim \('exp'\) must be a numeric value representing the future time at which the assertion expires/
  ) || error.message.match(
    /'Issued at' claim \('iat'\) must be an Integer representing the time that the assertion was issued/
  ));
}
async function hook5(state, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(route, parameters);
  const url = endpoint2.url;
  if (/\/login\/oauth\/access_token$/.test(url)) {
    return request2(endpoint2);
  }
  if (requiresAppAuth(url.replace(request2.endpoint.DEFAULTS.baseUrl, ""))) {
    const { token: token2 } = await getAppAuthentication(state);
    endpoint2.headers.authorization = `bearer ${token2}`;
    let response;
    try {
      response = await request2(endpoint2);
    } catch (error) {
      if (isNotTimeSkewError(error)) {
        throw error;
      }
      if (typeof error.response.headers.date === "undefined") {
        throw error;
      }
      const diff = Math.floor(
        (Date.parse(error.response.headers.date) - Date.parse((/* @__PURE__ */ new Date()).toString())) / 1e3
      );
      state.log.warn(error.message);
      state.log.warn(
        `[@octokit/auth-app] GitHub API time and system time are different by ${diff} seconds. Retrying request with the difference accounted for.`
      );
      const { token: token3 } = await getAppAuthentication({
        ...state,
        timeDifference: diff
      });
      endpoint2.headers.authorization = `bearer ${token3}`;
      return request2(endpoint2);
    }
    return response;
  }
  if (requiresBasicAuth(url)) {
    const authentication = await state.oauthApp({ type: "oauth-app" });
    endpoint2.headers.authorization = authentication.headers.authorization;
    return request2(endpoint2);
  }
  const { token, createdAt } = await getInstallationAuthentication(
    state,
    // @ts-expect-error TBD
    {},
    request2.defaults({ baseUrl: endpoint2.baseUrl })
  );
  endpoint2.headers.authorization = `token ${token}`;
  return sendRequestWithRetries(
    state,
    request2,
    endpoint2,
    createdAt
  );
}
async function sendRequestWithRetries(state, request2, options, createdAt, retries = 0) {
  const timeSinceTokenCreationInMs = +/* @__PURE__ */ new Date() - +new Date(createdAt);
  try {
    return await request2(options);
  } catch (error) {
    if (error.status !== 401) {
      throw error;
    }
    if (timeSinceTokenCreationInMs >= FIVE_SECONDS_IN_MS) {
      if (retries > 0) {
        error.message = `After ${retries} retries within ${timeSinceTokenCreationInMs / 1e3}s of creating the installation access token, the response remains 401. At this point, the cause may be an authentication problem or a system outage. Please check https://www.githubstatus.com for status information`;
      }
      throw error;
    }
    ++retries;
    const awaitTime = retries * 1e3;
    state.log.warn(
      `[@octokit/auth-app] Retrying after 401 response to account for token replication delay (retry: ${retries}, wait: ${awaitTime / 1e3}s)`
    );
    await new Promise((resolve2) => setTimeout(resolve2, awaitTime));
    return sendRequestWithRetries(state, request2, options, createdAt, retries);
  }
}
var VERSION14 = "8.3.1";
function createAppAuth(options) {
  if (!options.appId) {
    throw new Error("[@octokit/auth-app] appId option is required");
  }
  if (!options.privateKey && !options.createJwt) {
    throw new Error("[@octokit/auth-app] privateKey option is required");
  } else if (options.privateKey && options.createJwt) {
    throw new Error(
      "[@octokit/auth-app] privateKey and createJwt options are mutually exclusive"
    );
  }
  if ("installationId" in options && !options.installationId) {
    throw new Error(
      "[@octokit/auth-app] installationId is set to a falsy value"
    );
  }
  const log = options.log || {};
  if (typeof log.warn !== "function") {
    log.warn = console.warn.bind(console);
  }
  const request2 = options.request || request.defaults({
    headers: {
      "user-agent": `octokit-auth-app.js/${VERSION14} ${getUserAgent()}`
    }
  });
  const state = Object.assign(
    {
      request: request2,
      cache: getCache()
    },
    options,
    options.installationId ? { installationId: Number(options.installationId) } : {},
    {
      log,
      oauthApp: createOAuthAppAuth({
        clientType: "github-app",
        clientId: options.clientId || "",
        clientSecret: options.clientSecret || "",
        request: request2
      })
    }
  );
  return Object.assign(auth5.bind(null, state), {
    hook: hook5.bind(null, state)
  });
}

// src/org-github/write-pacer.ts
var realClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve2) => setTimeout(resolve2, ms))
};
var minute = 6e4;
var hour = 36e5;
var WritePacer = class {
  #clock;
  #perMinute;
  #perHour;
  #spacing;
  #reserve;
  limitRetries;
  #fallback;
  #maxWait;
  /** Times of the writes of the last hour, oldest first. */
  #writes = [];
  #remaining;
  #resetAt;
  #queue = Promise.resolve();
  #waited = 0;
  #readWaited = 0;
  #writeCount = 0;
  #limitAnswers = 0;
  constructor(options = {}) {
    this.#clock = options.clock ?? realClock;
    this.#perMinute = options.writesPerMinute ?? 80;
    this.#perHour = options.writesPerHour ?? 500;
    this.#spacing = options.writeSpacingMs ?? 1e3;
    this.#reserve = options.primaryReserve ?? 50;
    this.limitRetries = options.limitRetries ?? 5;
    this.#fallback = options.fallbackWaitMs ?? 6e4;
    this.#maxWait = options.maxWaitMs ?? hour;
  }
  /** Waits until a request may go: a write one at a time, within its windows; any request within the primary limit. */
  beforeRequest(write) {
    if (!write) return this.#primary(false);
    const turn = this.#queue.then(async () => {
      await this.#primary(true);
      await this.#sleep(this.#writeDelay(), true);
      this.#writes.push(this.#clock.now());
      this.#writeCount += 1;
    });
    this.#queue = turn.catch(() => void 0);
    return turn;
  }
  /** Reads the primary limit from an answer's headers. */
  observe(headers) {
    const remaining = numberOf(headers["x-ratelimit-remaining"]);
    const reset = numberOf(headers["x-ratelimit-reset"]);
    if (remaining !== void 0) this.#remaining = remaining;
    if (reset !== void 0) this.#resetAt = reset * 1e3;
  }
  /**
   * How long to wait after a limit answer (`retry-after` seconds, else until `x-ratelimit-reset`, else the
   * fallback); undefined when that is longer than the pacer waits at all.
   */
  limitWait(headers) {
    this.observe(headers);
    const retryAfter = numberOf(headers["retry-after"]);
    const reset = numberOf(headers["x-ratelimit-reset"]);
    const wait2 = retryAfter !== void 0 ? retryAfter * 1e3 : reset !== void 0 ? Math.max(0, reset * 1e3 - this.#clock.now()) : this.#fallback;
    return wait2 > this.#maxWait ? void 0 : wait2;
  }
  /** Waits out a limit answer; every write waits with it (the installation's limit is shared). */
  async waitOutLimit(ms) {
    this.#limitAnswers += 1;
    const pause = this.#queue.then(() => this.#sleep(ms, true));
    this.#queue = pause.catch(() => void 0);
    await pause;
  }
  report() {
    return {
      waitedMs: this.#waited,
      readWaitedMs: this.#readWaited,
      writes: this.#writeCount,
      limitAnswers: this.#limitAnswers
    };
  }
  async #primary(write) {
    const now = this.#clock.now();
    if (this.#remaining === void 0 || this.#remaining > this.#reserve || this.#resetAt === void 0)
      return;
    if (this.#resetAt <= now) {
      this.#remaining = void 0;
      return;
    }
    await this.#sleep(this.#resetAt - now, write);
    this.#remaining = void 0;
  }
  /** How long the next write must wait for spacing and both windows. */
  #writeDelay() {
    const now = this.#clock.now();
    while (this.#writes.length > 0 && this.#writes[0] <= now - hour) this.#writes.shift();
    let until = now;
    const last = this.#writes.at(-1);
    if (last !== void 0) until = Math.max(until, last + this.#spacing);
    if (this.#writes.length >= this.#perHour) {
      until = Math.max(until, this.#writes[this.#writes.length - this.#perHour] + hour);
    }
    const inMinute = this.#writes.filter((at) => at > now - minute);
    if (inMinute.length >= this.#perMinute) {
      until = Math.max(until, inMinute[inMinute.length - this.#perMinute] + minute);
    }
    return until - now;
  }
  async #sleep(ms, write) {
    if (ms <= 0) return;
    if (write) this.#waited += ms;
    else this.#readWaited += ms;
    await this.#clock.sleep(ms);
  }
};
function numberOf(value) {
  if (value === void 0) return void 0;
  const number = typeof value === "number" ? value : Number(value.trim());
  return Number.isFinite(number) && number >= 0 ? number : void 0;
}

// src/org-github/auth.ts
var OrgAuthError = class extends Error {
  name = "OrgAuthError";
};
function orgAuthFrom(values) {
  const appId = values.appId?.trim() || void 0;
  const key = values.privateKey?.trim() || void 0;
  if (appId !== void 0 || key !== void 0) {
    if (appId === void 0 || !/^\d+$/.test(appId))
      throw new OrgAuthError("app-id: expected the App id, a number");
    if (key === void 0 || !key.includes("PRIVATE KEY-----")) {
      throw new OrgAuthError(
        "private-key: expected the App private key in PEM form (-----BEGIN \u2026 PRIVATE KEY-----)"
      );
    }
    const installation = values.installationId?.trim() || void 0;
    if (installation !== void 0 && !/^\d+$/.test(installation)) {
      throw new OrgAuthError("installation-id: expected a number");
    }
    return {
      kind: "app",
      appId,
      // Secrets stored with literal `\n` (a common way to put a key in one line) are restored.
      privateKey: key.includes("\\n") ? key.replaceAll("\\n", "\n") : key,
      ...installation === void 0 ? {} : { installationId: Number(installation) },
      ...values.owner === void 0 ? {} : { owner: values.owner }
    };
  }
  const token = values.token?.trim();
  if (token) return { kind: "token", token };
  throw new OrgAuthError(
    "an organisation run needs a GitHub App: app-id and private-key, or an installation token (actions/create-github-app-token)"
  );
}
var tokenRefreshAfterMs = 50 * 6e4;
function installationTokenCache(clock = realClock) {
  const entries = /* @__PURE__ */ new Map();
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (entry === void 0) return "";
      if (clock.now() - entry.at >= tokenRefreshAfterMs) {
        entries.delete(key);
        return "";
      }
      return entry.value;
    },
    set: (key, value) => {
      entries.set(key, { value, at: clock.now() });
    }
  };
}
async function authenticateAsInstallation(octokit, auth6, clock = realClock) {
  const cache = installationTokenCache(clock);
  const appAuth = createAppAuth({
    appId: auth6.appId,
    privateKey: auth6.privateKey,
    request: octokit.request,
    cache
  });
  const installationId = auth6.installationId ?? await findInstallation(octokit, appAuth, auth6.owner);
  const installation = createAppAuth({
    appId: auth6.appId,
    privateKey: auth6.privateKey,
    installationId,
    request: octokit.request,
    cache
  });
  octokit.hook.before("request", async (options) => {
    if (options.headers.authorization !== void 0) return;
    const { token } = await installation({ type: "installation" });
    options.headers.authorization = `token ${token}`;
  });
  return installationId;
}
async function findInstallation(octokit, appAuth, owner) {
  const { token } = await appAuth({ type: "app" });
  const installations = await octokit.paginate(octokit.rest.apps.listInstallations, {
    per_page: 100,
    headers: { authorization: `bearer ${token}` }
  });
  const found = installations.filter(
    (installation) => owner === void 0 || installation.account?.login?.toLowerCase() === owner.toLowerCase()
  );
  if (found.length !== 1 || found[0] === void 0) {
    throw new OrgAuthError(
      owner === void 0 ? `the App has ${installations.length} installations; set installation-id or the owner to choose one` : `the App is not installed on ${owner}`
    );
  }
  return found[0].id;
}

// src/org-github/paced-requests.ts
function isWrite(options) {
  const method = (options.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return false;
  const url = String(options.url ?? "");
  if (/\/app\/installations\/[^/]+\/access_tokens$/.test(url)) return false;
  if (url === "/graphql" || url.endsWith("/graphql")) {
    return /^\s*mutation\b/.test(typeof options["query"] === "string" ? options["query"] : "");
  }
  return true;
}
function isLimitAnswer(error) {
  const shape = typeof error === "object" && error !== null ? error : {};
  if (shape.status !== 403 && shape.status !== 429) return false;
  const headers = shape.response?.headers ?? {};
  if (headers["retry-after"] !== void 0) return true;
  if (String(headers["x-ratelimit-remaining"] ?? "") === "0") return true;
  const data = shape.response?.data;
  const message = typeof data === "object" && data !== null && "message" in data ? String(data.message) : "";
  return /rate limit/i.test(message);
}
function paceRequests(octokit, pacer) {
  octokit.hook.wrap("request", async (request2, options) => {
    const write = isWrite(options);
    for (let attempt = 0; ; attempt++) {
      await pacer.beforeRequest(write);
      try {
        const response = await request2(options);
        pacer.observe(response.headers);
        return response;
      } catch (error) {
        const headers = error.response?.headers ?? {};
        pacer.observe(headers);
        if (!isLimitAnswer(error) || attempt >= pacer.limitRetries) throw error;
        const wait2 = pacer.limitWait(headers);
        if (wait2 === void 0) throw error;
        await pacer.waitOutLimit(wait2);
      }
    }
  });
}

// src/org-github/org-client.ts
async function createOrgClient(options) {
  const octokit = createGitHubClient({
    token: options.auth.kind === "token" ? options.auth.token : "",
    ...options.baseUrl === void 0 ? {} : { baseUrl: options.baseUrl },
    ...options.userAgent === void 0 ? {} : { userAgent: options.userAgent },
    ...options.log === void 0 ? {} : { log: options.log },
    ...options.fetch === void 0 ? {} : { fetch: options.fetch },
    ...options.retryDelayUnitMs === void 0 ? {} : { retryDelayUnitMs: options.retryDelayUnitMs },
    paceWrites: false,
    rateLimitRetries: 0,
    limitsPacedOutside: true
  });
  const installationId = options.auth.kind === "app" ? await authenticateAsInstallation(octokit, options.auth, options.clock ?? realClock) : void 0;
  paceRequests(octokit, options.pacer);
  return { octokit, installationId };
}

// src/org-github/installation-repositories.ts
var InstallationRepositorySchema = external_exports.object({
  name: external_exports.string(),
  full_name: external_exports.string().refine(isRepositoryName, "is not owner/name"),
  owner: external_exports.object({ login: external_exports.string() }),
  default_branch: external_exports.string().min(1).max(255).optional(),
  archived: external_exports.boolean().optional(),
  disabled: external_exports.boolean().optional(),
  fork: external_exports.boolean()
});
async function listInstallationRepositories(octokit) {
  const listed2 = await withGitHubError(
    "list repositories",
    "of the installation",
    () => octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 })
  );
  return listed2.map((item) => {
    const repository = parseReply(
      InstallationRepositorySchema,
      item,
      "list repositories",
      "of the installation"
    );
    return {
      fullName: repository.full_name,
      owner: repository.owner.login,
      name: repository.name,
      defaultBranch: repository.default_branch ?? "",
      archived: repository.archived ?? false,
      disabled: repository.disabled ?? false,
      fork: repository.fork,
      empty: repository.default_branch === void 0
    };
  });
}

// src/org-github/repository-tree.ts
var EmptyRepositoryError = class extends Error {
  name = "EmptyRepositoryError";
};
var TreeTooLargeError = class extends Error {
  name = "TreeTooLargeError";
};
var sha = external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);
var TreeSchema = external_exports.object({
  truncated: external_exports.boolean(),
  tree: external_exports.array(
    external_exports.object({
      path: external_exports.string().min(1).max(4096),
      mode: external_exports.string(),
      type: external_exports.enum(["blob", "tree", "commit"]),
      sha,
      size: external_exports.number().int().nonnegative().optional()
    })
  )
});
var fileModes = /* @__PURE__ */ new Set(["100644", "100755"]);
async function readRepositoryTree(octokit, repo, commit, keep, limits = {}) {
  const maxRequests = limits.maxRequests ?? 100;
  const maxEntries = limits.maxEntries ?? 1e6;
  const name = `${repo.owner}/${repo.repo}`;
  const files = /* @__PURE__ */ new Map();
  let requests = 0;
  let entries = 0;
  const get2 = async (tree, recursive) => {
    if (requests >= maxRequests) {
      throw new TreeTooLargeError(`${name}: the tree takes more than ${maxRequests} requests to list`);
    }
    requests += 1;
    try {
      const response = await withGitHubError(
        "read tree",
        `${tree.slice(0, 7)} in ${name}`,
        () => octokit.rest.git.getTree({ ...repo, tree_sha: tree, ...recursive ? { recursive: "1" } : {} })
      );
      const parsed = parseReply(TreeSchema, response.data, "read tree", name);
      entries += parsed.tree.length;
      if (entries > maxEntries) {
        throw new TreeTooLargeError(`${name}: the tree has more than ${maxEntries} entries`);
      }
      return parsed;
    } catch (error) {
      if (error instanceof GitHubError && error.status === 409) {
        throw new EmptyRepositoryError(`${name} is empty`, { cause: error });
      }
      throw error;
    }
  };
  const take = (path, entry) => {
    if (entry.type === "blob" && fileModes.has(entry.mode) && keep(path)) {
      files.set(path, { sha: entry.sha, size: entry.size });
    }
  };
  const walk = async (tree, prefix) => {
    const whole = await get2(tree, true);
    if (!whole.truncated) {
      for (const entry of whole.tree) take(prefix + entry.path, entry);
      return;
    }
    const level = await get2(tree, false);
    for (const entry of level.tree) {
      if (entry.type === "tree") await walk(entry.sha, `${prefix}${entry.path}/`);
      else take(prefix + entry.path, entry);
    }
  };
  await walk(commit, "");
  return { files, requests };
}

// src/org-github/branch-head.ts
var RefSchema = external_exports.object({ object: external_exports.object({ sha: external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/) }) });
async function readBranchHead(octokit, repo, branch) {
  const resource = `${branch} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError(
      "read branch",
      resource,
      () => octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })
    );
    return parseReply(RefSchema, response.data, "read branch", resource).object.sha;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 409) {
      throw new EmptyRepositoryError(`${repo.owner}/${repo.repo} is empty`, { cause: error });
    }
    throw error;
  }
}

// src/org-github/blob-cache.ts
var maxBlobBytes = 4 * 1024 * 1024;
var BlobTooLargeError = class extends Error {
  name = "BlobTooLargeError";
};
var JsonBlobSchema = external_exports.object({ content: external_exports.string(), encoding: external_exports.literal("base64") });
var BlobCache = class {
  #blobs = /* @__PURE__ */ new Map();
  #requests = 0;
  #hits = 0;
  #bytes = 0;
  read(octokit, repo, sha2) {
    const held = this.#blobs.get(sha2);
    if (held !== void 0) {
      this.#hits += 1;
      return held;
    }
    this.#requests += 1;
    const pending = readBlob(octokit, repo, sha2).then((bytes) => {
      this.#bytes += bytes.length;
      return bytes;
    });
    this.#blobs.set(sha2, pending);
    pending.catch(() => this.#blobs.delete(sha2));
    return pending;
  }
  /** Whether the run holds (or is reading) this blob already: reading it costs no request. */
  has(sha2) {
    return this.#blobs.has(sha2);
  }
  stats() {
    return { requests: this.#requests, hits: this.#hits, bytes: this.#bytes };
  }
};
async function readBlob(octokit, repo, sha2) {
  const resource = `${sha2.slice(0, 7)} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError(
    "read blob",
    resource,
    () => octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      owner: repo.owner,
      repo: repo.repo,
      file_sha: sha2,
      headers: { accept: "application/vnd.github.raw+json" },
      request: { parseSuccessResponseBody: false }
    })
  );
  const type = String(response.headers["content-type"] ?? "");
  const bytes = await readCapped(response.data, resource);
  if (!type.startsWith("application/json")) return bytes;
  const parsed = JsonBlobSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success)
    throw new GitHubPayloadError("read blob", resource, 200, ["unexpected reply: content"]);
  return Buffer.from(parsed.data.content, "base64");
}
async function readCapped(body, resource) {
  if (!(body instanceof ReadableStream)) {
    if (typeof body === "string") return new TextEncoder().encode(body);
    throw new GitHubPayloadError("read blob", resource, 200, ["unexpected reply: no body"]);
  }
  const limit = Math.ceil(maxBlobBytes * 4 / 3) + 1024;
  const chunks = [];
  let size = 0;
  const reader = body.getReader();
  for (; ; ) {
    const { done: done2, value } = await reader.read();
    if (done2) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new BlobTooLargeError(`blob ${resource} is larger than ${maxBlobBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// src/org-github/api-repository.ts
import { posix as posix2 } from "node:path";
var ApiRepository = class _ApiRepository {
  repo;
  commit;
  #octokit;
  #tree;
  #blobs;
  constructor(octokit, repo, commit, tree, blobs) {
    this.#octokit = octokit;
    this.repo = repo;
    this.commit = commit;
    this.#tree = tree;
    this.#blobs = blobs;
  }
  /** Lists the tree at `commit` (a commit sha: the commits a run makes sit on it). */
  static async open(octokit, repo, commit, blobs, limits = {}) {
    const tree = await readRepositoryTree(octokit, repo, commit, () => true, limits);
    return new _ApiRepository(octokit, repo, commit, tree, blobs);
  }
  /** Tree requests the listing took. */
  get treeRequests() {
    return this.#tree.requests;
  }
  /** A file's bytes (the repository's `.github/basepin.yml`, say); undefined when the tree has no such file. */
  async readFile(path) {
    const file = this.#tree.files.get(path);
    return file === void 0 ? void 0 : this.#blobs.read(this.#octokit, this.repo, file.sha);
  }
  /**
   * The files a run scans, in a `MemoryWorkspace` that lists them by its own rules (Dockerfile names,
   * `include`, `exclude`, `.gitignore`): the `.gitignore` files are read first, the listing is made over
   * the tree's paths, and only the listed files are read. A file over the size cap is left unread.
   */
  async workspace(filters = {}) {
    const ignores = [...this.#tree.files.keys()].filter((path) => posix2.basename(path) === ".gitignore");
    const ignoreFiles = await this.#readAll(ignores);
    const placeholder = new Uint8Array(0);
    const ignoreSet = new Set(ignores);
    const probe = new MemoryWorkspace([
      ...ignoreFiles,
      ...[...this.#tree.files.keys()].filter((path) => !ignoreSet.has(path)).map((path) => [path, placeholder])
    ]);
    const candidates = await probe.list(["."], filters);
    const unread = [];
    const listed2 = [];
    for (const path of candidates) {
      const size = this.#tree.files.get(path)?.size;
      if (size !== void 0 && size > maxBlobBytes) {
        unread.push({ path, reason: `larger than ${maxBlobBytes} bytes` });
      } else listed2.push(path);
    }
    const contents = await this.#readAll(listed2);
    const charts = [...this.#tree.files.keys()].filter((path) => posix2.basename(path) === "Chart.yaml" && !listed2.includes(path)).map((path) => [path, placeholder]);
    return { workspace: new MemoryWorkspace([...ignoreFiles, ...charts, ...contents]), listed: listed2, unread };
  }
  /** Files of the tree, `blobReadsInFlight` at a time, in the order given. */
  async #readAll(paths) {
    const read = [];
    for (let start = 0; start < paths.length; start += blobReadsInFlight) {
      const batch = paths.slice(start, start + blobReadsInFlight);
      read.push(
        ...await Promise.all(batch.map(async (path) => [path, await this.readFile(path)]))
      );
    }
    return read;
  }
};
var blobReadsInFlight = 8;

// src/org-resolution/question-key.ts
var questionKey = {
  tag: (ref) => `tag ${ref.name}:${ref.trackedTag}`,
  describe: (ref, tagOrDigest) => `describe ${ref.name}@${tagOrDigest}`,
  manifest: (ref, tagOrDigest) => `manifest ${ref.name}@${tagOrDigest}`,
  blob: (ref, digest2) => `blob ${ref.name}@${digest2}`,
  tags: (ref) => `tags ${ref.name}`,
  referrers: (ref, digest2) => `referrers ${ref.name}@${digest2}`
};

// src/org-resolution/recording-client.ts
function recordResolution(client) {
  const answers = {};
  const keep = async (key, ask, answer) => {
    try {
      const value = await ask();
      answers[key] = answer(value);
      return value;
    } catch (error) {
      answers[key] = failureAnswer(error);
      throw error;
    }
  };
  const recorded = {
    resolveTag: (ref) => keep(questionKey.tag(ref), () => client.resolveTag(ref), headAnswer),
    describeManifest: (ref, tagOrDigest) => keep(
      questionKey.describe(ref, tagOrDigest),
      () => client.describeManifest(ref, tagOrDigest),
      headAnswer
    ),
    fetchManifest: (ref, tagOrDigest) => keep(
      questionKey.manifest(ref, tagOrDigest),
      () => client.fetchManifest(ref, tagOrDigest),
      (manifest) => ({
        kind: "manifest",
        head: head(manifest),
        base64: Buffer.from(manifest.bytes).toString("base64")
      })
    ),
    fetchBlob: (ref, digest2) => keep(
      questionKey.blob(ref, digest2),
      () => client.fetchBlob(ref, digest2),
      (bytes) => ({ kind: "blob", base64: Buffer.from(bytes).toString("base64") })
    ),
    stats: () => client.stats()
  };
  if (client.prepare) recorded.prepare = client.prepare.bind(client);
  if (client.dockerHubPullsLeft) recorded.dockerHubPullsLeft = client.dockerHubPullsLeft.bind(client);
  const { listTags, fetchReferrers } = client;
  if (listTags) {
    recorded.listTags = (ref) => keep(
      questionKey.tags(ref),
      () => listTags.call(client, ref),
      (page) => ({ kind: "tags", tags: [...page.tags], more: page.more })
    );
  }
  if (fetchReferrers) {
    recorded.fetchReferrers = (ref, digest2, lookup) => keep(
      questionKey.referrers(ref, digest2),
      () => fetchReferrers.call(client, ref, digest2, lookup),
      (referrers) => ({ kind: "referrers", referrers: referrers.map((r) => ({ ...r })) })
    );
  }
  return { client: recorded, answers: () => ({ ...answers }) };
}
function head(value) {
  return {
    digest: value.digest,
    mediaType: value.mediaType,
    ...value.verified === void 0 ? {} : { verified: value.verified },
    ...value.fromMirror === void 0 ? {} : { fromMirror: value.fromMirror }
  };
}
function headAnswer(value) {
  return { kind: "head", head: head(value) };
}
function failureAnswer(error) {
  if (error instanceof RegistryError) {
    return {
      kind: "failure",
      name: "RegistryError",
      code: error.code,
      status: error.status,
      message: error.message,
      ...error.plain === void 0 ? {} : { plain: error.plain }
    };
  }
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { kind: "failure", name, message };
}

// src/org-resolution/replay-client.ts
import { createHash } from "node:crypto";
var notInResolutionCode = "NOT_IN_RESOLUTION";
function resolutionClient(file) {
  const answer = (key, ...kinds) => {
    const found = file.answers[key];
    if (found === void 0) {
      throw new RegistryError({
        status: 0,
        code: notInResolutionCode,
        retryable: false,
        message: `${key.slice(key.indexOf(" ") + 1)} is not in the resolution file (plan again)`
      });
    }
    if (found.kind === "failure") throw replayedFailure(found);
    if (!kinds.includes(found.kind)) {
      throw new RegistryError({
        status: 0,
        code: "BAD_RESPONSE",
        retryable: false,
        message: `the resolution file answers ${key} with ${found.kind}`
      });
    }
    return found;
  };
  const headOf = (key) => answer(key, "head", "manifest").head;
  return {
    resolveTag: async (ref) => headOf(questionKey.tag(ref)),
    describeManifest: async (ref, tagOrDigest) => {
      const described = file.answers[questionKey.describe(ref, tagOrDigest)];
      const key = described === void 0 && file.answers[questionKey.manifest(ref, tagOrDigest)] !== void 0 ? questionKey.manifest(ref, tagOrDigest) : questionKey.describe(ref, tagOrDigest);
      return headOf(key);
    },
    fetchManifest: async (ref, tagOrDigest) => {
      const found = answer(questionKey.manifest(ref, tagOrDigest), "manifest");
      const bytes = verified(Buffer.from(found.base64, "base64"), found.head.digest);
      return { ...found.head, bytes };
    },
    fetchBlob: async (ref, digest2) => verified(Buffer.from(answer(questionKey.blob(ref, digest2), "blob").base64, "base64"), digest2),
    listTags: async (ref) => {
      const found = answer(questionKey.tags(ref), "tags");
      return { tags: found.tags, more: found.more };
    },
    fetchReferrers: async (ref, digest2) => answer(questionKey.referrers(ref, digest2), "referrers").referrers,
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 })
  };
}
function verified(bytes, digest2) {
  const [algorithm = "", hex = ""] = digest2.split(":");
  const actual = algorithm === "sha256" || algorithm === "sha512" ? createHash(algorithm).update(bytes).digest("hex") : void 0;
  if (actual !== hex) {
    throw new RegistryError({
      status: 0,
      code: "DIGEST_MISMATCH",
      retryable: false,
      message: `the resolution file's bytes for ${digest2} do not hash to it`
    });
  }
  return bytes;
}
function replayedFailure(found) {
  if (found.name === "RegistryError") {
    return new RegistryError({
      status: found.status ?? 0,
      code: found.code ?? "HTTP_ERROR",
      retryable: false,
      message: found.message,
      ...found.plain === void 0 ? {} : { plain: found.plain }
    });
  }
  return Object.assign(new Error(found.message), { name: found.name });
}

// src/org-resolution/resolution-io.ts
import { readFile } from "node:fs/promises";
var maxResolutionBytes = 256 * 1024 * 1024;
async function readResolutionFile(path) {
  const bytes = await readFile(path).catch((error) => {
    const code = error.code;
    throw new ResolutionFileError(
      `${path}: the resolution file cannot be read (${typeof code === "string" ? code : "error"})`
    );
  });
  if (bytes.length > maxResolutionBytes) {
    throw new ResolutionFileError(`${path}: the resolution file is larger than ${maxResolutionBytes} bytes`);
  }
  return parseResolutionFile(bytes, path);
}
async function writeResolutionFile(path, content) {
  const file = { version: resolutionFileVersion, ...content };
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(file)}
`));
}

// src/text/github-links.ts
function repositoryUrl2(serverUrl, repo) {
  return `${serverUrl.replace(/\/+$/, "")}/${repo.owner}/${repo.repo}`;
}
function pathUrl(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function fileLineUrl(serverUrl, repo, branch, file, line) {
  return `${repositoryUrl2(serverUrl, repo)}/blob/${pathUrl(branch)}/${pathUrl(file)}#L${line}`;
}
function commitUrl(serverUrl, repo, sha2) {
  return `${repositoryUrl2(serverUrl, repo)}/commit/${sha2}`;
}
function commentUrl(serverUrl, repo, issue, comment) {
  return `${repositoryUrl2(serverUrl, repo)}/issues/${issue}#issuecomment-${comment}`;
}

// src/dashboard/dashboard.ts
async function loadDashboard(github, log) {
  const { dashboard: issue, duplicates } = chooseDashboard(await github.listLabelledIssues(basepinLabel));
  if (issue === void 0) return { issue: void 0, state: emptyDashboardState };
  const reading = readDashboardState(issue.body);
  if (reading.kind === "invalid")
    log.warning(`dashboard #${issue.number}: ignoring its state: ${reading.reason}`);
  return { issue, state: reading.kind === "valid" ? reading.state : emptyDashboardState, duplicates };
}
async function closeDuplicates(deps, loaded) {
  const kept = loaded.issue;
  if (kept === void 0) return;
  for (const duplicate of loaded.duplicates ?? []) {
    try {
      await deps.github.comment(
        duplicate.number,
        markComment(
          `basepin: this duplicates the dashboard #${kept.number}, which basepin keeps; closing this one.`
        )
      );
      await deps.github.closeIssue(duplicate.number);
      deps.log.info(`dashboard #${duplicate.number}: closed as a duplicate of #${kept.number}`);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      deps.log.warning(
        `dashboard #${duplicate.number} (a duplicate of #${kept.number}) not closed: ${error.message}`
      );
    }
  }
}
async function saveDashboard(github, loaded, body) {
  if (loaded.issue === void 0) {
    const issue = await github.createIssue({ title: dashboardTitle, body, labels: [basepinLabel] });
    return { issue: issue.number, operation: "created" };
  }
  if (loaded.issue.body === body) return { issue: loaded.issue.number, operation: "unchanged" };
  await github.updateIssueBody(loaded.issue.number, body);
  return { issue: loaded.issue.number, operation: "updated" };
}
function withDashboardState(body, state) {
  const replaced = replaceDashboardBlock(body, state);
  if (replaced !== void 0) return replaced;
  const intro = body.trim() === "" ? "basepin lists what it tracks here after its next scheduled run." : body.trimEnd();
  return `${intro}

${renderDashboardBlock(state)}
`;
}
function signatureNote(changelogs, update) {
  const verdict = changelogs?.get(changelogKey(update))?.signature;
  return verdict === void 0 ? "" : `; ${describeVerdict(verdict)}`;
}
function vulnerabilityNote(update, changelogs) {
  const facts = changelogs?.get(changelogKey(update));
  const part = facts && vulnerabilityHeadlinePart(facts);
  return part === void 0 ? "" : ` \xB7 ${part}`;
}
function dashboardBody(input) {
  const imageAt = new Map(
    input.plan.sites.map((s) => [`${s.file}:${s.line}`, s.reference?.familiarName ?? s.written])
  );
  const site = (note, state, detail) => {
    const { file } = note;
    return {
      image: imageAt.get(`${file}:${note.line}`) ?? note.reference,
      file,
      line: note.line,
      url: fileLineUrl(input.serverUrl, input.repo, input.baseSha, file, note.line),
      reference: note.reference,
      state,
      ...detail === void 0 ? {} : { detail }
    };
  };
  const sites = [
    ...input.plan.updates.map(
      (u) => site(
        siteNote(u.site),
        updateFrom(u) === void 0 ? "unpinned" : "stale",
        `${updateImageName(u)} \u2192 ${u.target.digest}${vulnerabilityNote(u, input.changelogs)}${signatureNote(input.changelogs, u)}`
      )
    ),
    ...input.plan.unchanged.map((n) => site(n, "current")),
    ...input.plan.skipped.map((n) => site(n, "skipped", n.reason)),
    ...input.plan.errors.map((e) => site(e, "failed", failureMessage(e.error)))
  ].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
  const pending = input.outcomes.filter((o) => (o.operation === "skipped" || o.operation === "failed") && o.number === void 0).map((o) => ({ branch: o.branch, why: o.reason ?? o.operation }));
  return renderDashboard({
    sites,
    pullRequests: input.pullRequests.map((pr) => ({
      number: pr.number,
      url: pr.url,
      branch: pr.headRef,
      title: pr.title
    })),
    pending,
    ruleUrl: (rule) => commentUrl(input.serverUrl, input.repo, rule.source.issue, rule.source.comment),
    configExcludes: input.excludeImages,
    state: input.state
  });
}
async function publishDashboard(deps, loaded, run) {
  try {
    const open = await deps.github.listOpenPullRequests({
      base: run.baseBranch,
      headPrefix: run.settings.branchPrefix
    });
    const body = dashboardBody({
      plan: run.plan,
      outcomes: run.outcomes,
      pullRequests: open,
      state: loaded.state,
      excludeImages: run.settings.excludeImages,
      repo: run.context.repo,
      serverUrl: run.context.serverUrl,
      baseSha: run.context.sha,
      changelogs: run.changelogs
    });
    const saved = await saveDashboard(deps.github, loaded, body);
    deps.log.info(`dashboard #${saved.issue}: ${saved.operation}`);
    await closeDuplicates(deps, loaded);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    deps.log.warning(`dashboard not updated: ${error.message}`);
  }
}

// src/pull-requests/group-updates.ts
import { createHash as createHash3 } from "node:crypto";
import { posix as posix3 } from "node:path";

// src/pull-requests/branch-name.ts
import { createHash as createHash2 } from "node:crypto";
var BranchNameError = class extends Error {
  name = "BranchNameError";
  branch;
  constructor(branch, why) {
    super(`branch name ${JSON.stringify(branch)} is not a valid git branch: ${why}`);
    this.branch = branch;
  }
};
var maxSlugLength = 60;
function branchSlug(text2, fallback = "root") {
  let slug = text2.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
  if (slug === "") slug = fallback;
  if (slug.length > maxSlugLength) {
    const hash = createHash2("sha256").update(text2).digest("hex").slice(0, 8);
    slug = `${slug.slice(0, maxSlugLength - 9).replace(/-+$/, "")}-${hash}`;
  }
  return slug;
}
function branchName(prefix, slug) {
  const name = prefix + slug;
  const problem = branchNameProblem(name);
  if (problem !== void 0) throw new BranchNameError(name, problem);
  return name;
}

// src/pull-requests/group-updates.ts
function groupKey(update, groupBy) {
  switch (groupBy) {
    case "all":
      return "all";
    case "image":
      return updateRepository(update);
    case "directory":
      return posix3.dirname(update.site.file);
  }
}
function keySlug(key, groupBy) {
  switch (groupBy) {
    case "all":
      return "all";
    case "image":
      return branchSlug(familiarRepository(key));
    case "directory":
      return key === "." ? "root" : branchSlug(key);
  }
}
function byFileThenLine(a, b) {
  const fa = a.site.file;
  const fb = b.site.file;
  return fa < fb ? -1 : fa > fb ? 1 : a.site.line - b.site.line;
}
function groupUpdates(updates, groupBy, branchPrefix) {
  const byKey = /* @__PURE__ */ new Map();
  for (const update of updates) {
    const key = groupKey(update, groupBy);
    byKey.set(key, [...byKey.get(key) ?? [], update]);
  }
  const slugs = /* @__PURE__ */ new Map();
  const slugCount = /* @__PURE__ */ new Map();
  for (const key of byKey.keys()) {
    const slug = keySlug(key, groupBy);
    slugs.set(key, slug);
    slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  }
  return [...byKey.entries()].map(([key, members]) => {
    const slug = slugs.get(key) ?? "all";
    const unique = (slugCount.get(slug) ?? 0) > 1 ? `${slug}-${createHash3("sha256").update(key).digest("hex").slice(0, 6)}` : slug;
    return { key, branch: branchName(branchPrefix, unique), updates: [...members].sort(byFileThenLine) };
  }).sort((a, b) => a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0);
}

// src/pull-requests/group-files.ts
var GroupFileError = class extends Error {
  name = "GroupFileError";
  file;
  constructor(file, why) {
    super(`${file}: ${why}`);
    this.file = file;
  }
};
function groupFileWrites(updates, plan) {
  const byFile = /* @__PURE__ */ new Map();
  for (const update of updates) {
    const path = update.site.file;
    if (path.startsWith("/") || path === ".." || path.startsWith("../") || /^[A-Za-z]:/.test(path)) {
      throw new GroupFileError(
        update.site.file,
        "is not inside the repository; scan with paths relative to its root"
      );
    }
    const list = byFile.get(path);
    if (list) list.push(update);
    else byFile.set(path, [update]);
  }
  const changeByPath = new Map(plan.changes.map((change) => [change.file, change]));
  const planned = /* @__PURE__ */ new Map();
  for (const update of plan.updates) {
    planned.set(update.site.file, (planned.get(update.site.file) ?? 0) + 1);
  }
  const writes = [];
  for (const [path, fileUpdates] of byFile) {
    const change = changeByPath.get(path);
    if (change === void 0) {
      throw new GroupFileError(path, "its base text is not in the pin plan");
    }
    const after = planned.get(path) === fileUpdates.length ? change.after : applyUpdates(change.before, fileUpdates);
    if (after === change.before) continue;
    try {
      writes.push({ path, bytes: encodeDockerfile(after, change.encoding) });
    } catch (error) {
      throw new GroupFileError(path, error.message);
    }
  }
  return writes.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

// src/pull-requests/pr-state.ts
import { createHash as createHash4 } from "node:crypto";
var stateSchemaVersion = 1;
var ProposedUpdateSchema = external_exports.object({
  file: external_exports.string(),
  line: external_exports.number().int().positive(),
  repository: external_exports.string(),
  tag: external_exports.string(),
  from: external_exports.string().nullable(),
  to: external_exports.string()
});
var PullRequestStateSchema = external_exports.object({
  v: external_exports.literal(stateSchemaVersion),
  base: external_exports.string().regex(/^[0-9a-f]{40,64}$/),
  changeId: external_exports.string().min(1),
  targetId: external_exports.string().min(1),
  updates: external_exports.array(ProposedUpdateSchema),
  closedAs: external_exports.literal("obsolete").optional()
});
var marker2 = "basepin:state";
var maxListedChars = 2e4;
function hashOf(lines) {
  return createHash4("sha256").update(lines.join("\n")).digest("hex").slice(0, 20);
}
function proposedUpdates(updates) {
  return updates.map((u) => ({
    file: u.site.file,
    line: u.site.line,
    repository: updateRepository(u),
    tag: updateTag(u),
    from: updateFrom(u) ?? null,
    to: u.target.digest
  })).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
}
function buildState(updates, base) {
  const proposed = proposedUpdates(updates);
  const changeId = hashOf(
    proposed.map((u) => JSON.stringify([u.file, u.line, u.repository, u.tag, u.from, u.to]))
  );
  const targetId = hashOf([...new Set(proposed.map((u) => `${u.repository}:${u.tag}@${u.to}`))].sort());
  const listed2 = JSON.stringify(proposed).length <= maxListedChars;
  return { v: stateSchemaVersion, base, changeId, targetId, updates: listed2 ? proposed : [] };
}
function renderStateBlock(state) {
  return renderHiddenBlock(marker2, state);
}
function readState(body) {
  return readHiddenBlock(body, marker2, PullRequestStateSchema, stateSchemaVersion);
}
function withState(body, state) {
  const block = renderStateBlock(state);
  return replaceHiddenBlock(body, marker2, block) ?? `${body.trimEnd()}

${block}
`;
}
function sameProposal(a, b) {
  return a.base === b.base && a.changeId === b.changeId;
}

// src/pull-requests/pr-body.ts
var maxBodyChars = 65e3;
var commentCommands = commandHelp.filter((c) => c.name !== "pin");
function fileLink(input, update) {
  const { file, line } = update.site;
  const url = fileLineUrl(input.serverUrl, input.repo, input.branch, file, line);
  return markdownLink(`${file}:${line}`, url);
}
function digestChange(update) {
  const from = updateFrom(update);
  const to = update.target.digest;
  return `${from === void 0 ? "unpinned" : `\`${shortDigest(from)}\``} \u2192 \`${shortDigest(to)}\`${mirrorNote(update)}`;
}
function mirrorNote(update) {
  const { fromMirror } = update.target;
  return fromMirror ? ` (from mirror ${untrustedMarkdown(fromMirror)}, unconfirmed)` : "";
}
function changelogFacts(updates, changelogs) {
  return updates.map(
    (u) => changelogs?.get(changelogKey(u)) ?? {
      image: updateImageName(u),
      from: updateFrom(u),
      to: u.target.digest,
      toMediaType: u.target.mediaType
    }
  );
}
var changelogMarker = "\0changelog\0";
function render(input, shown) {
  const hidden = input.updates.length - shown.length;
  const lines = [
    "basepin pins the images this repository builds and runs to immutable digests and keeps those pins fresh.",
    "",
    "| File | Reference | Digest |",
    "| --- | --- | --- |",
    ...shown.map(
      (u) => `| ${fileLink(input, u)} | ${codeSpan(u.site.written, { inTable: true })} | ${digestChange(u)} |`
    )
  ];
  if (hidden > 0) {
    lines.push(
      "",
      `\u2026and ${hidden} more update${hidden === 1 ? "" : "s"}, not listed to keep this description within GitHub's size limit; the commit has them all.`
    );
  }
  lines.push(
    "",
    "<details>",
    "<summary>Full digests</summary>",
    "",
    ...shown.map(
      (u) => `- ${codeSpan(`${u.site.file}:${u.site.line}`)} ${codeSpan(updateImageName(u))}: \`${updateFrom(u) ?? "unpinned"}\` \u2192 \`${u.target.digest}\``
    ),
    "",
    "</details>",
    "",
    "### What changed",
    "",
    changelogMarker,
    "",
    "### Commands",
    "",
    "Comment on this pull request:",
    "",
    ...commentCommands.map((c) => `- \`${c.usage}\`: ${c.effect}.`),
    "",
    renderStateBlock(input.state),
    ""
  );
  const frame = lines.join("\n");
  const changelog = renderChangelog(changelogFacts(shown, input.changelogs), {
    now: input.now,
    maxChars: Math.max(1e3, maxBodyChars - (frame.length - changelogMarker.length))
  });
  return frame.replace(changelogMarker, () => changelog);
}
function pullRequestBody(input) {
  const full = render(input, input.updates);
  if (full.length <= maxBodyChars) return full;
  let low = 0;
  let high = input.updates.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (render(input, input.updates.slice(0, middle)).length <= maxBodyChars) low = middle;
    else high = middle - 1;
  }
  return render(input, input.updates.slice(0, low));
}

// src/pull-requests/pr-title.ts
var maxTitleChars = 72;
var namedInCount = 3;
function listed(items) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function distinct(items) {
  return [...new Set(items)];
}
function pullRequestTitle(updates, prefix = "") {
  const images = distinct(updates.map(updateImageName));
  const pins = updates.some((update) => updateFrom(update) === void 0);
  const refreshes = updates.some((update) => updateFrom(update) !== void 0);
  const verb = pins && refreshes ? "Pin and update" : refreshes ? "Update" : "Pin";
  const noun = images.length === 1 ? "digest" : "digests";
  const named = `${prefix}${verb} ${listed(images)} ${noun}`;
  if (images.length <= namedInCount && named.length <= maxTitleChars) return named;
  const counted = `${prefix}${verb} ${images.length} base image ${noun}`;
  const names = distinct(updates.map((update) => update.site.reference.familiarName));
  let shown = 0;
  while (shown < Math.min(names.length, namedInCount) && withNames(counted, names, shown + 1).length <= maxTitleChars)
    shown++;
  return shown === 0 ? counted : withNames(counted, names, shown);
}
function withNames(counted, names, count) {
  return `${counted} (${names.slice(0, count).join(", ")}${names.length > count ? ", \u2026" : ""})`;
}

// src/pull-requests/ownership.ts
function knownChanges(recorded, proposed) {
  const ids = [recorded?.changeId, proposed?.changeId].filter((id) => id !== void 0);
  return { changeIds: new Set(ids), recordedBase: recorded?.base };
}
function isBasepins(commit, branch, known2) {
  if (!commit.verified) return false;
  const changeId = readChangeTrailer(commit.message);
  if (changeId !== void 0) return known2.changeIds.has(changeId);
  return branch.total === 1 && branch.commits.length === 1 && known2.recordedBase !== void 0 && commit.parents.length === 1 && commit.parents[0] === known2.recordedBase;
}
function foreignCommits(branch, head2, known2) {
  const foreign = branch.commits.filter((commit) => !isBasepins(commit, branch, known2));
  const unread = branch.total - branch.commits.length;
  if (unread <= 0) return foreign;
  const more = `${unread} more commits`;
  return [...foreign, { sha: head2, login: void 0, name: more, verified: false, message: "", parents: [] }];
}

// src/pull-requests/replace-branch.ts
function describeCommits(commits) {
  const shown = commits.slice(0, 5).map((c) => `${c.sha.slice(0, 7)} by ${c.login ?? JSON.stringify(c.name ?? "unknown")}`);
  const more = commits.length - shown.length;
  return `commit${commits.length === 1 ? "" : "s"} ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
async function foreignRefusal(github, baseBranch, head2, known2) {
  const foreign = foreignCommits(await github.listBranchCommits(baseBranch, head2), head2, known2);
  if (foreign.length === 0) return void 0;
  return `kept as it is: ${describeCommits(foreign)} ${foreign.length === 1 ? "is" : "are"} not basepin's; comment \`/basepin recreate\` to replace the branch anyway`;
}
async function replaceBranch(github, input) {
  const sha2 = await github.writeCommit({
    baseSha: input.baseSha,
    message: input.message,
    files: input.files
  });
  try {
    await github.moveBranchFrom({ branch: input.branch, expected: input.head, sha: sha2, fastForward: false });
    return { kind: "moved", sha: sha2 };
  } catch (error) {
    if (!(error instanceof BranchMovedError) || error.actual === void 0) throw error;
    if (!input.overwrite) {
      const reason = await foreignRefusal(github, input.baseBranch, error.actual, input.known);
      if (reason !== void 0) return { kind: "refused", reason };
    }
    await github.moveBranchFrom({ branch: input.branch, expected: error.actual, sha: sha2, fastForward: false });
    return { kind: "moved", sha: sha2 };
  }
}

// src/pull-requests/pr-outcome.ts
function done(pr, branch, operation, extra = {}) {
  return { ...pr ? { number: pr.number, url: pr.url } : {}, branch, operation, ...extra };
}
function shortSha(sha2) {
  return sha2.slice(0, 7);
}

// src/pull-requests/close-obsolete.ts
async function closeObsolete(input, deps, existing, state) {
  const { pr } = existing;
  const failing = unresolvedSites(input.report, state);
  if (failing.length > 0) {
    const reason = `kept open: resolving ${failing.join(", ")} failed in this run, so its pins may not be current`;
    deps.log.warning(`#${pr.number} (${pr.headRef}): ${reason}`);
    return done(pr, pr.headRef, "unchanged", { reason });
  }
  if (input.dryRun) {
    deps.log.info(`${pr.headRef}: dry run: would have closed #${pr.number} and deleted its branch`);
    return done(pr, pr.headRef, "closed", { dryRun: true });
  }
  await deps.github.closePullRequest(pr.number, {
    comment: markComment(
      `basepin: pins are current on \`${input.baseBranch}\` (${shortSha(input.baseSha)}); nothing is left to propose on this branch, so this pull request is closed and \`${pr.headRef}\` deleted.`
    ),
    body: withState(pr.body, { ...state, closedAs: "obsolete" })
  });
  await deps.github.deleteBranch(pr.headRef);
  return done(pr, pr.headRef, "closed");
}
function unresolvedSites(report, state) {
  const listed2 = new Set(state.updates.map((u) => `${u.file}:${u.line}`));
  return report.errors.map((e) => `${e.file}:${e.line}`).filter((site) => state.updates.length === 0 || listed2.has(site));
}

// src/pull-requests/open-prs.ts
async function openPullRequests(input, deps) {
  const only = input.steer?.onlyBranches;
  const groups2 = groupUpdates(input.report.updates, input.groupBy, input.branchPrefix).filter(
    (group) => only === void 0 || only.has(group.branch)
  );
  const open = await openBasepinPullRequests(input, deps).catch((error) => {
    if (!(error instanceof GitHubError)) throw error;
    return error;
  });
  if (open instanceof GitHubError) {
    const reason = `the open pull requests could not be listed (${open.message})`;
    deps.log.warning(`${reason}: no pull request was opened, updated or closed this run`);
    return { pullRequests: groups2.map((group) => done(void 0, group.branch, "skipped", { reason })) };
  }
  const branches = new Set(groups2.map((g) => g.branch));
  const limit = input.maxPullRequests;
  let openCount = only !== void 0 ? open.size : [...open].filter(([branch, pr]) => branches.has(branch) || pr.state === void 0).length;
  if (only !== void 0) {
    for (const branch of [...open.keys()]) if (!only.has(branch)) open.delete(branch);
  }
  const outcomes = [];
  for (const group of groups2) {
    const existing = open.get(group.branch);
    if (existing === void 0 && openCount >= limit) {
      const reason = `${openCount} basepin pull requests are open (max-pull-requests: ${limit}); a later run opens this one`;
      deps.log.info(`${group.branch}: waiting: ${reason}`);
      outcomes.push(done(void 0, group.branch, "waiting", { reason }));
      continue;
    }
    const outcome = await guarded(group.branch, () => proposeGroup(input, deps, group, existing));
    if (existing === void 0 && outcome.operation === "created") openCount++;
    outcomes.push(outcome);
  }
  for (const [branch, existing] of open) {
    if (branches.has(branch) || existing.state === void 0) continue;
    outcomes.push(
      await guarded(branch, () => closeObsolete(input, deps, existing, existing.state))
    );
  }
  return { pullRequests: outcomes };
}
async function guarded(branch, step) {
  try {
    return await step();
  } catch (error) {
    if (error instanceof GitHubError || error instanceof GroupFileError || error instanceof BranchMovedError) {
      return { branch, operation: "failed", reason: error.message };
    }
    throw error;
  }
}
async function openBasepinPullRequests(input, deps) {
  const prs = await deps.github.listOpenPullRequests({
    base: input.baseBranch,
    headPrefix: input.branchPrefix
  });
  const byBranch = /* @__PURE__ */ new Map();
  for (const pr of prs) {
    const reading = readState(pr.body);
    if (reading.kind === "invalid")
      deps.log.warning(`#${pr.number} (${pr.headRef}): ignoring its state: ${reading.reason}`);
    byBranch.set(pr.headRef, { pr, state: reading.kind === "valid" ? reading.state : void 0 });
  }
  return byBranch;
}
async function proposeGroup(input, deps, group, existing) {
  const { github, log } = deps;
  const state = buildState(group.updates, input.baseSha);
  const refresh = (input.steer?.refresh?.has(group.branch) ?? false) || existing !== void 0 && input.steer?.refreshAll === true;
  if (!refresh && existing?.state !== void 0 && sameProposal(existing.state, state)) {
    log.info(`${group.branch}: #${existing.pr.number} already proposes this on ${shortSha(input.baseSha)}`);
    return done(existing.pr, group.branch, "unchanged");
  }
  const overwrite = input.steer?.overwrite?.has(group.branch) ?? false;
  const head2 = existing === void 0 ? void 0 : await github.readBranch(existing.pr.headRef);
  const known2 = knownChanges(existing?.state, state);
  if (existing !== void 0 && head2 !== void 0 && !overwrite) {
    const reason = await foreignRefusal(github, input.baseBranch, head2, known2);
    if (reason !== void 0) {
      log.warning(`${group.branch}: #${existing.pr.number} ${reason}`);
      return done(existing.pr, group.branch, "unchanged", { reason });
    }
  }
  if (existing === void 0 && !refresh) {
    const declined = await declinedBy(deps, group.branch, state);
    if (declined !== void 0) {
      const reason = `#${declined.number} proposing these same digests was closed without merging${declined.closedAt ? ` on ${declined.closedAt.slice(0, 10)}` : ""}; a newer digest will be proposed`;
      log.info(`${group.branch}: skipped: ${reason}`);
      return done(void 0, group.branch, "skipped", { reason });
    }
  }
  const files = groupFileWrites(group.updates, input.report);
  if (files.length === 0) {
    return done(existing?.pr, group.branch, "skipped", { reason: "the updates leave every file as it is" });
  }
  const title = pullRequestTitle(group.updates, input.commitMessagePrefix);
  const body = pullRequestBody({
    updates: group.updates,
    state,
    repo: input.repo,
    serverUrl: input.serverUrl,
    branch: group.branch,
    changelogs: input.changelogs,
    now: input.now
  });
  const operation = existing === void 0 ? "created" : "updated";
  if (input.dryRun) {
    log.info(
      `${group.branch}: dry run: would have ${operation} a pull request "${title}" changing ${files.map((f) => f.path).join(", ")}`
    );
    return done(existing?.pr, group.branch, operation, { dryRun: true });
  }
  const message = withChangeTrailer(commitMessage(title, group), state.changeId);
  let sha2;
  if (head2 === void 0) {
    sha2 = await github.commitFiles({ branch: group.branch, baseSha: input.baseSha, message, files });
  } else {
    const replaced = await replaceBranch(github, {
      branch: group.branch,
      head: head2,
      baseBranch: input.baseBranch,
      baseSha: input.baseSha,
      message,
      files,
      overwrite,
      known: known2
    });
    if (replaced.kind === "refused") {
      log.warning(`${group.branch}: ${replaced.reason}`);
      return done(existing?.pr, group.branch, "unchanged", { reason: replaced.reason });
    }
    sha2 = replaced.sha;
  }
  log.info(`${group.branch}: pushed ${shortSha(sha2)} on ${shortSha(input.baseSha)}`);
  if (existing !== void 0) {
    const pr = await github.updatePullRequest(existing.pr.number, { title, body });
    return done(pr, group.branch, "updated");
  }
  const { pullRequest, created } = await github.createPullRequest({
    head: group.branch,
    base: input.baseBranch,
    title,
    body,
    draft: input.draft
  });
  if (!created) return done(pullRequest, group.branch, "updated", { reason: "another run opened it first" });
  await decorate2(input, deps, pullRequest);
  return done(pullRequest, group.branch, "created");
}
async function decorate2(input, deps, pr) {
  const steps = [
    [input.labels, (n, names) => deps.github.addLabels(n, names)],
    [input.reviewers, (n, names) => deps.github.requestReviewers(n, names)],
    [input.assignees, (n, names) => deps.github.addAssignees(n, names)]
  ];
  for (const [names, step] of steps) {
    if (names.length === 0) continue;
    try {
      await step(pr.number, names);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      deps.log.warning(`#${pr.number}: ${error.message}`);
    }
  }
}
async function declinedBy(deps, branch, state) {
  const [latest] = await deps.github.listClosedPullRequests(branch);
  if (latest === void 0 || latest.merged) return void 0;
  const reading = readState(latest.body);
  if (reading.kind !== "valid" || reading.state.closedAs !== void 0) return void 0;
  return reading.state.targetId === state.targetId ? latest : void 0;
}
function digestOrUnpinned(digest2) {
  return digest2 ? shortDigest(digest2) : "unpinned";
}
function commitMessage(title, group) {
  const lines = group.updates.map(
    (u) => `- ${u.site.file}:${u.site.line} ${updateImageName(u)} ${digestOrUnpinned(updateFrom(u))} \u2192 ${shortDigest(u.target.digest)}`
  );
  return `${title}

${lines.join("\n")}
`;
}

// src/action-run/unread-dashboard.ts
var noDashboard = { issue: void 0, state: emptyDashboardState };
function notWritten(plan, settings, error, log) {
  const reason = "the dashboard could not be read, so its ignore rules are unknown";
  log.warning(
    `dashboard not read (${error.message}): no pull request was opened, updated or closed and no dashboard was created or redrawn this run; the next run tries again`
  );
  const groups2 = groupUpdates(plan.updates, settings.groupBy, settings.branchPrefix);
  return { pullRequests: groups2.map((group) => ({ branch: group.branch, operation: "skipped", reason })) };
}

// src/action-run/run-action.ts
var WrongCheckoutError = class extends Error {
  name = "WrongCheckoutError";
};
function inBranches(plan, settings, branches) {
  if (branches === void 0) return void 0;
  const wanted = new Set(
    groupUpdates(plan.updates, settings.groupBy, settings.branchPrefix).filter((group) => branches.has(group.branch)).flatMap((group) => group.updates)
  );
  return (update) => wanted.has(update);
}
async function runAction(settings, context, deps) {
  const baseBranch = settings.baseBranch ?? await deps.defaultBranch();
  if (!settings.dryRun && context.ref !== void 0 && context.ref !== `refs/heads/${baseBranch}`) {
    throw new WrongCheckoutError(
      `basepin scans the base branch ${baseBranch}, but this run checked out ${context.ref}; run it on ${baseBranch} or set base-branch`
    );
  }
  const dashboard = await loadDashboard(deps.github, deps.log).catch((error) => {
    if (!(error instanceof GitHubError)) throw error;
    return error;
  });
  const unread = dashboard instanceof GitHubError ? dashboard : void 0;
  const loaded = dashboard instanceof GitHubError ? noDashboard : dashboard;
  const ticked = loaded.issue === void 0 ? void 0 : readTickedBoxes(loaded.issue.body, loaded.state);
  const now = deps.now?.() ?? /* @__PURE__ */ new Date();
  const only = context.steer?.onlyBranches;
  const { plan, changelogs } = await planRun(
    settings,
    {
      registry: deps.registry,
      workspace: deps.workspace,
      now,
      debug: (line) => deps.log.debug?.(line),
      signatureTrust: deps.signatureTrust,
      osv: deps.osv
    },
    {
      facts: "all",
      // Ignore rules come first, so an ignored image costs no changelog requests.
      ignores: loaded.state.ignores,
      // Pinning reads by GET only the indexes the changelog will read: not an ignored image's, and not for a
      // command, which reads facts for its own pull request only (not known before planning).
      pinningReadsFacts: only === void 0,
      // A command's recomputation (`/basepin rebase`) gets its pull request's facts as a scheduled run would,
      // and spends nothing on the other groups' facts.
      factsFor: (planned) => inBranches(planned, settings, only)
    }
  );
  const { pullRequests } = unread !== void 0 ? notWritten(plan, settings, unread, deps.log) : await openPullRequests(
    {
      ...settings,
      report: plan,
      baseBranch,
      baseSha: context.sha,
      repo: context.repo,
      serverUrl: context.serverUrl,
      changelogs,
      now,
      steer: {
        refresh: new Set(ticked?.create ?? []),
        refreshAll: ticked?.rebaseAll ?? false,
        ...context.steer
      }
    },
    { github: deps.github, log: deps.log }
  );
  if (unread === void 0 && settings.dashboard && !settings.dryRun && context.steer?.onlyBranches === void 0 && plan.files.length > 0) {
    await publishDashboard(deps, loaded, {
      plan,
      outcomes: pullRequests,
      baseBranch,
      settings,
      context,
      changelogs
    });
  }
  const internal = plan.errors.filter((failure) => isInternal(failure.error)).length;
  const failedGroups = pullRequests.filter((pr) => pr.operation === "failed");
  const failures = [
    ...settings.failOnUnpinned && plan.updates.length ? [`${plan.updates.length} image reference(s) are unpinned or stale (fail-on-unpinned)`] : [],
    ...failedGroups.map((pr) => `${pr.branch}: ${pr.reason ?? "GitHub refused the change"}`),
    ...internal ? [`${internal} internal error(s); see the debug log for their stacks`] : []
  ];
  return {
    plan,
    pullRequests,
    changelogs,
    now,
    outputs: {
      updates: JSON.stringify(updatesJson(plan, changelogs)),
      errors: JSON.stringify(plan.errors.map(failureJson)),
      "pull-requests": JSON.stringify(
        pullRequests.map(({ number, url, branch, operation }) => ({
          number: number ?? null,
          url: url ?? null,
          branch,
          operation
        }))
      ),
      "changed-files": JSON.stringify(plan.changes.map((change) => change.file))
    },
    failure: failures.length ? failures.join("; ") : void 0
  };
}

// src/comments/comment-ignore.ts
function where(settings, issue, comment) {
  return commentUrl(settings.serverUrl, settings.repo, issue, comment);
}
function listIgnored(state, settings) {
  const rules = state.ignores.map(
    (rule) => `- ${codeSpan(ruleName(rule))}${rule.tag === void 0 ? " (every tag)" : ""}: [by ${codeSpan(rule.source.by)}](${where(settings, rule.source.issue, rule.source.comment)})`
  );
  const config = settings.excludeImages.map(
    (glob) => `- ${codeSpan(glob)}: \`exclude-images\` in the settings`
  );
  const lines = [...rules, ...config];
  return lines.length === 0 ? "No ignore rules." : ["Ignore rules:", "", ...lines].join("\n");
}
function placeRefusal(name, place) {
  if (place.basepinPullRequest || place.onDashboard) return void 0;
  return {
    kind: "refused",
    reply: `\`/basepin ${name}\` works on a pull request basepin opened or on the dashboard issue.`
  };
}
async function saveState(place, deps, state) {
  const body = withDashboardState(place.dashboard.issue?.body ?? "", state);
  return (await saveDashboard(deps.github, place.dashboard, body)).issue;
}
async function ignoreCommand(target, place, settings, deps) {
  const refusal = placeRefusal("ignore", place);
  if (refusal !== void 0) return refusal;
  const { event } = place;
  const rule = {
    ...target,
    source: { issue: event.issueNumber, comment: event.commentId, by: event.author }
  };
  const state = withIgnore(place.dashboard.state, rule);
  const dashboard = await saveState(place, deps, state);
  const name = codeSpan(ruleName(rule));
  const open = await deps.github.listOpenPullRequests({
    base: settings.baseBranch,
    headPrefix: settings.branchPrefix
  });
  const closed = [];
  const recompute = /* @__PURE__ */ new Set();
  for (const pr of open) {
    const reading = readState(pr.body);
    if (reading.kind !== "valid") continue;
    const covered = reading.state.updates.filter((u) => ruleCovers(rule, u.repository, u.tag));
    if (covered.length > 0 && covered.length === reading.state.updates.length) {
      await deps.github.closePullRequest(pr.number, {
        comment: markComment(
          `basepin: ${name} is ignored from now on ([comment](${where(settings, event.issueNumber, event.commentId)})), and this pull request proposed nothing else, so it is closed and \`${pr.headRef}\` deleted.`
        ),
        body: withState(pr.body, { ...reading.state, closedAs: "obsolete" })
      });
      await deps.github.deleteBranch(pr.headRef);
      closed.push(pr.number);
    } else if (covered.length > 0 || reading.state.updates.length === 0) recompute.add(pr.headRef);
  }
  const updated = recompute.size === 0 ? [] : (await deps.proposePullRequests({ onlyBranches: recompute, refresh: recompute }, state.ignores)).filter((o) => o.number !== void 0 && o.operation !== "failed");
  const parts = [
    `basepin no longer proposes updates for ${name}${rule.tag === void 0 ? " (every tag)" : ""}; the rule is kept in the dashboard #${dashboard}.`
  ];
  if (closed.length > 0) parts.push(`Closed ${closed.map((n) => `#${n}`).join(", ")}.`);
  if (updated.length > 0)
    parts.push(`Recomputed ${updated.map((o) => `#${o.number}`).join(", ")} without it.`);
  return { kind: "done", reply: parts.join(" ") };
}
async function unignoreCommand(target, place, _settings, deps) {
  const refusal = placeRefusal("unignore", place);
  if (refusal !== void 0) return refusal;
  const name = codeSpan(ruleName(target));
  if (!place.dashboard.state.ignores.some((rule) => sameTarget(rule, target))) {
    return {
      kind: "refused",
      reply: `There is no ignore rule for ${name}; \`/basepin ignored\` lists them.`
    };
  }
  await saveState(place, deps, withoutIgnore(place.dashboard.state, target));
  return {
    kind: "done",
    reply: `${name} is no longer ignored; the next scheduled run proposes its updates again.`
  };
}

// src/comments/comment-pin.ts
import { posix as posix4 } from "node:path";
var maxPinnedFiles = 100;
async function pinCommand(place, settings, deps) {
  const pr = place.pullRequest;
  if (pr === void 0) return { kind: "refused", reply: "`/basepin pin` works on a pull request." };
  if (isForkHead(pr, settings.repo)) {
    return {
      kind: "refused",
      reply: `The head branch of this pull request is in ${pr.headRepository === void 0 ? "a deleted fork" : codeSpan(pr.headRepository)}; basepin writes only to branches of this repository.`
    };
  }
  if (pr.state !== "open") return { kind: "refused", reply: "This pull request is closed." };
  const seen = pr.headSha;
  const read = await readChangedFiles(pr.number, seen, settings, deps);
  if ("reply" in read) return read;
  const texts = read.texts;
  const report = await deps.planFiles(texts);
  const failed = report.errors.length === 0 ? "" : ` ${report.errors.length} reference(s) could not be resolved and were left as they are.`;
  if (report.changes.length === 0) {
    return {
      kind: "done",
      reply: `Every image reference in the changed files is pinned and current.${failed}`
    };
  }
  const sha2 = await deps.github.writeCommit({
    baseSha: seen,
    message: `${settings.commitMessagePrefix}Pin base image digests

${report.updates.map((u) => `- ${updatePlace(u)} ${u.site.written} \u2192 ${u.target.digest}`).join("\n")}
`,
    files: report.changes.map((c) => ({ path: c.file, bytes: encodeDockerfile(c.after, c.encoding) }))
  });
  try {
    await deps.github.moveBranchFrom({ branch: pr.headRef, expected: seen, sha: sha2, fastForward: true });
  } catch (error) {
    if (!(error instanceof BranchMovedError)) throw error;
    return {
      kind: "refused",
      reply: `The branch moved from ${seen.slice(0, 7)} while basepin worked on it, so nothing was written. Comment \`/basepin pin\` again to pin the new head.`
    };
  }
  const link = commitUrl(settings.serverUrl, settings.repo, sha2);
  return {
    kind: "done",
    reply: `Pinned ${report.updates.length} reference(s) in ${report.changes.length} file(s) in [${sha2.slice(0, 7)}](${link}).${failed}`
  };
}
async function readChangedFiles(number, seen, settings, deps) {
  const kinds = new Set(settings.fileKinds ?? fileKinds);
  const charts = /* @__PURE__ */ new Map();
  const chartIn = async (folder) => {
    if (!charts.has(folder)) charts.set(folder, await deps.github.readFileAt(chartPath(folder), seen));
    return charts.get(folder);
  };
  const candidates = [];
  for (const path of await deps.github.listChangedFiles(number)) {
    const kind = kindOfPath(path, () => ["Chart.yaml"]);
    if (kind === void 0 || (kind === "yaml" ? !kinds.has("kubernetes") : !kinds.has(kind))) continue;
    candidates.push({ path, kind });
  }
  if (candidates.length === 0)
    return { kind: "done", reply: "This pull request changes no file that names images; nothing to pin." };
  if (candidates.length > maxPinnedFiles) {
    return {
      kind: "refused",
      reply: `This pull request changes ${candidates.length} files that may name images; \`/basepin pin\` reads at most ${maxPinnedFiles}.`
    };
  }
  const texts = /* @__PURE__ */ new Map();
  for (const { path, kind } of candidates) {
    const folder = posix4.dirname(path);
    if (kind === "helm-values" && await chartIn(folder) === void 0) continue;
    const bytes = await deps.github.readFileAt(path, seen);
    if (bytes === void 0) continue;
    if (kind === "yaml" && !looksLikeKubernetes(bytes.toString("utf8"))) continue;
    texts.set(path, bytes);
    if (kind === "helm-values") texts.set(chartPath(folder), await chartIn(folder));
  }
  return { texts };
}
function chartPath(folder) {
  return folder === "." ? "Chart.yaml" : `${folder}/Chart.yaml`;
}

// src/comments/handle-comment.ts
function isBasepinPullRequest(pr, settings) {
  return pr.headRef.startsWith(settings.branchPrefix) && !isForkHead(pr, settings.repo) && readState(pr.body).kind !== "absent";
}
async function handleComment(event, settings, deps) {
  const { github, log } = deps;
  if (event.action !== "created") return { kind: "ignored", why: `a comment ${event.action}, not created` };
  if (isBasepinComment(event.body)) return { kind: "ignored", why: "basepin's own comment" };
  if (event.authorType === "Bot") return { kind: "ignored", why: "a comment by a bot" };
  const parsed = parseCommand(event.body);
  if (parsed.kind === "none") return { kind: "ignored", why: `not a ${commandPrefix} command` };
  await react(deps, event.commentId, "eyes");
  const level = await github.permissionOf(event.author);
  if (!atLeast(level, settings.commandPermission)) {
    return finish(deps, event, {
      kind: "refused",
      command: parsed.kind === "command" ? parsed.command.name : void 0,
      reply: `basepin commands need ${settings.commandPermission} permission on this repository; ${codeSpan(event.author)} has ${level}. Nothing was done.`
    });
  }
  if (parsed.kind === "invalid") {
    return finish(deps, event, {
      kind: "refused",
      command: void 0,
      reply: `${parsed.reason}.

${renderHelp()}`
    });
  }
  const command = parsed.command;
  try {
    const result = await runCommand(command, await placeOf(event, settings, deps), settings, deps);
    return finish(deps, event, { ...result, command: command.name });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warning(`${commandPrefix} ${command.name} on #${event.issueNumber}: ${message}`);
    return finish(deps, event, {
      kind: "failed",
      command: command.name,
      reply: `\`${commandPrefix} ${command.name}\` failed: ${codeSpan(message, { max: 500 })}`
    });
  }
}
async function placeOf(event, settings, deps) {
  const pullRequest = event.onPullRequest ? await deps.github.getPullRequest(event.issueNumber) : void 0;
  const dashboard = await loadDashboard(deps.github, deps.log);
  return {
    event,
    pullRequest,
    basepinPullRequest: pullRequest !== void 0 && isBasepinPullRequest(pullRequest, settings),
    dashboard,
    onDashboard: !event.onPullRequest && dashboard.issue?.number === event.issueNumber
  };
}
async function runCommand(command, place, settings, deps) {
  switch (command.name) {
    case "help":
      return { kind: "done", reply: renderHelp() };
    case "ignored":
      return { kind: "done", reply: listIgnored(place.dashboard.state, settings) };
    case "rebase":
    case "recreate":
      return rebaseCommand(command.name, place, deps);
    case "ignore":
      return ignoreCommand(command.target, place, settings, deps);
    case "unignore":
      return unignoreCommand(command.target, place, settings, deps);
    case "pin":
      return pinCommand(place, settings, deps);
  }
}
async function rebaseCommand(name, place, deps) {
  const pr = place.pullRequest;
  if (pr === void 0 || !place.basepinPullRequest) {
    return { kind: "refused", reply: `\`${commandPrefix} ${name}\` works on a pull request basepin opened.` };
  }
  const branch = /* @__PURE__ */ new Set([pr.headRef]);
  const steer = {
    onlyBranches: branch,
    refresh: branch,
    ...name === "recreate" ? { overwrite: branch } : {}
  };
  const outcomes = await deps.proposePullRequests(steer, place.dashboard.state.ignores);
  const outcome = outcomes.find((o) => o.branch === pr.headRef);
  const why = outcome?.reason === void 0 ? "" : ` (${codeSpan(outcome.reason, { max: 500 })})`;
  switch (outcome?.operation) {
    case "created":
    case "updated":
      return {
        kind: "done",
        reply: `${name === "recreate" ? "Recreated" : "Rebased"} this pull request on the current base.`
      };
    case "closed":
      return {
        kind: "done",
        reply: "Nothing is left to propose on the current base, so this pull request is closed."
      };
    case "unchanged":
      return outcome.reason === void 0 ? { kind: "done", reply: "This pull request already proposes the current pins." } : { kind: "refused", reply: `Nothing was changed${why}.` };
    case "skipped":
    case "waiting":
      return { kind: "done", reply: `Nothing was pushed${why}.` };
    case "failed":
      return { kind: "refused", reply: `GitHub refused the update${why}.` };
    case void 0:
      return {
        kind: "done",
        reply: "Nothing to do: this pull request proposes nothing basepin can recompute."
      };
  }
}
async function react(deps, commentId, content) {
  try {
    await deps.github.react(commentId, content);
  } catch (error) {
    deps.log.warning(`reaction ${content} on comment ${commentId}: ${error.message}`);
  }
}
async function finish(deps, event, outcome) {
  await deps.github.comment(event.issueNumber, markComment(`basepin: ${outcome.reply}`));
  await react(deps, event.commentId, outcome.kind === "done" ? "+1" : "-1");
  return outcome;
}

// src/action-run/run-comment.ts
async function runComment(settings, context, deps, event) {
  const baseBranch = settings.baseBranch ?? await deps.defaultBranch();
  const { cwd: _cwd, paths: _paths, ...pinSettings } = settings;
  return handleComment(
    event,
    {
      commandPermission: settings.commandPermission,
      branchPrefix: settings.branchPrefix,
      baseBranch,
      excludeImages: settings.excludeImages,
      commitMessagePrefix: settings.commitMessagePrefix,
      repo: context.repo,
      serverUrl: context.serverUrl,
      fileKinds: settings.fileKinds
    },
    {
      github: deps.github,
      log: deps.log,
      // The rules argument is what the command just wrote; runAction reads the same from the dashboard.
      proposePullRequests: async (steer) => (await runAction({ ...settings, baseBranch }, { ...context, steer }, deps)).pullRequests,
      planFiles: (files) => planFiles(files, pinSettings, { registry: deps.registry })
    }
  );
}
async function runDashboardEdit(settings, context, deps, event) {
  if (event.action !== "edited") return { skipped: `an issue ${event.action}, not edited` };
  if (event.senderType === "Bot") return { skipped: "an edit by a bot" };
  const dashboard = await loadDashboard(deps.github, deps.log);
  if (dashboard.issue?.number !== event.issueNumber) return { skipped: "not the dashboard issue" };
  const level = await deps.github.permissionOf(event.sender);
  if (!atLeast(level, settings.commandPermission)) {
    return {
      skipped: `${event.sender} has ${level} permission; ticking boxes needs ${settings.commandPermission}`
    };
  }
  const ticked = readTickedBoxes(dashboard.issue.body, dashboard.state);
  if (!ticked.rebaseAll && ticked.create.length === 0) return { skipped: "no box is ticked" };
  return runAction(settings, context, deps);
}

// src/action-run/job-summary.ts
var maxChangelogChars = 5e5;
function renderJobSummary(report, pullRequests, dryRun, changelog) {
  const lines = [`## basepin${dryRun ? " (dry run)" : ""}`, ""];
  const pinned = report.updates.filter((update) => updateFrom(update) === void 0).length;
  lines.push(
    `${pinned} to pin, ${report.updates.length - pinned} to refresh, ${report.unchanged.length} current, ${report.skipped.length} skipped, ${report.errors.length} failed` + (report.dockerHubPulls ? `, ${report.dockerHubPulls} Docker Hub pull(s).` : "."),
    ""
  );
  if (report.updates.length) {
    lines.push("| File | Image | Digest |", "| --- | --- | --- |");
    for (const update of report.updates) {
      const from = updateFrom(update);
      const to = update.target.digest;
      const change = from ? `\`${shortDigest(from)}\` \u2192 \`${shortDigest(to)}\`` : `pin \`${shortDigest(to)}\``;
      lines.push(
        `| ${untrustedMarkdown(updatePlace(update))} | ${codeSpan(updateImageName(update), { inTable: true })} | ${change}${mirrorNote(update)} |`
      );
    }
    lines.push("");
    if (changelog) {
      const facts = changelogFacts(report.updates, changelog.changelogs);
      lines.push(
        "### What changed",
        "",
        renderChangelog(facts, { now: changelog.now, maxChars: maxChangelogChars }),
        ""
      );
    }
  }
  if (pullRequests.length) {
    lines.push("### Pull requests", "");
    for (const pr of pullRequests) {
      const link = pr.url ? `[#${pr.number}](${pr.url})` : `\`${pr.branch}\``;
      lines.push(
        `- ${link} ${pr.operation}${pr.dryRun ? " (would be)" : ""}${pr.reason ? `: ${pr.reason}` : ""}`
      );
    }
    lines.push("");
  }
  if (report.problems?.length) {
    lines.push(
      "### Files not read",
      "",
      ...report.problems.map((problem) => `- ${untrustedMarkdown(describeProblem(problem), 2e3)}`),
      ""
    );
  }
  const { shown, unreachable } = groupUnreachable(report.errors);
  const leftAlone = [
    ...shown.map(
      (failure) => `- ${failure.file}:${failure.line} \`${failure.reference}\`: ${untrustedMarkdown(failureMessage(failure.error), 2e3)} (\`${failureCode(failure.error)}\`)`
    ),
    ...unreachable.map((host) => `- ${untrustedMarkdown(unreachableLine(host))}`),
    ...report.skipped.map(
      (note) => `- ${note.file}:${note.line} \`${note.reference}\`: ${untrustedMarkdown(note.reason ?? "skipped", 2e3)}`
    )
  ];
  if (leftAlone.length)
    lines.push(
      "<details><summary>Failed and skipped references</summary>",
      "",
      ...leftAlone,
      "",
      "</details>",
      ""
    );
  return lines.join("\n");
}

// src/config/repository-layer.ts
function repositoryRunSettings(org, repositoryFile) {
  const orgWide = runSettings(org);
  if (repositoryFile === void 0) return orgWide;
  const settings = runSettings({ ...org, sources: [repositoryFile, ...org.sources] });
  return { ...settings, dryRun: settings.dryRun || orgWide.dryRun };
}

// src/org-run/repository-run.ts
var repositorySettingsPath = ".github/basepin.yml";
function failedRow(repository, error, dockerfiles = 0) {
  const message = error instanceof Error ? error.message : String(error);
  return {
    repository: repository.fullName,
    state: "failed",
    dockerfiles,
    updates: 0,
    pullRequests: [],
    error: message.split("\n")[0] ?? message
  };
}
async function runRepository(repository, deps) {
  const repo = { owner: repository.owner, repo: repository.name };
  const shown = repository.fullName;
  try {
    let head2 = await readBranchHead(deps.octokit, repo, repository.defaultBranch);
    let opened = await ApiRepository.open(deps.octokit, repo, head2, deps.blobs, deps.treeLimits);
    const file = await opened.readFile(repositorySettingsPath);
    const fileSource = file === void 0 ? void 0 : configTextSource(repositorySettingsPath, new TextDecoder().decode(file));
    const settings = repositoryRunSettings(deps.org, fileSource);
    const baseBranch = settings.baseBranch ?? repository.defaultBranch;
    if (baseBranch !== repository.defaultBranch) {
      head2 = await readBranchHead(deps.octokit, repo, baseBranch);
      opened = await ApiRepository.open(deps.octokit, repo, head2, deps.blobs, deps.treeLimits);
    }
    const { workspace, unread } = await opened.workspace({
      include: settings.include,
      exclude: settings.exclude
    });
    for (const skipped of unread) deps.log.warning(`${shown}: ${skipped.path} not read: ${skipped.reason}`);
    const result = await runAction(
      { ...settings, baseBranch },
      { repo, ref: `refs/heads/${baseBranch}`, sha: head2, serverUrl: deps.serverUrl },
      {
        registry: deps.registry,
        workspace,
        github: createGitHubRepository(deps.octokit, repo),
        defaultBranch: () => Promise.resolve(repository.defaultBranch),
        log: prefixedLog(deps.log, shown),
        now: deps.now,
        osv: deps.osv,
        signatureTrust: deps.signatureTrust
      }
    );
    const pullRequests = result.pullRequests.filter((pr) => pr.number !== void 0 && pr.operation !== "closed").map((pr) => ({ number: pr.number, operation: pr.operation }));
    const base = {
      repository: shown,
      dockerfiles: result.plan.files.length,
      updates: result.plan.updates.length,
      pullRequests
    };
    if (result.pullRequests.some((pr) => pr.operation === "failed"))
      return { ...base, state: "failed", error: result.failure ?? "GitHub refused a change" };
    return { ...base, state: result.plan.updates.length > 0 ? "proposed" : "current" };
  } catch (error) {
    if (error instanceof EmptyRepositoryError)
      return {
        repository: shown,
        state: "skipped",
        dockerfiles: 0,
        updates: 0,
        pullRequests: [],
        error: "empty"
      };
    return failedRow(repository, error);
  }
}
function prefixedLog(log, repository) {
  return {
    info: (message) => log.info(`${repository}: ${message}`),
    warning: (message) => log.warning(`${repository}: ${message}`),
    debug: (message) => log.debug?.(`${repository}: ${message}`)
  };
}

// src/org-run/org-dashboard-issue.ts
var orgDashboardLabel = "basepin";
var OrgDashboardIssue = class _OrgDashboardIssue {
  #issue;
  #body;
  #state;
  #github;
  #serverUrl;
  constructor(github, serverUrl, issue, state) {
    this.#github = github;
    this.#serverUrl = serverUrl;
    this.#issue = issue;
    this.#body = issue?.body;
    this.#state = state;
  }
  static async load(github, serverUrl, log) {
    const candidates = (await github.listLabelledIssues(orgDashboardLabel)).filter(
      (issue) => issue.title === orgDashboardTitle
    );
    for (const issue of candidates) {
      const reading = readOrgDashboardState(issue.body);
      if (reading.kind === "valid") return new _OrgDashboardIssue(github, serverUrl, issue, reading.state);
      log.warning(`org dashboard #${issue.number}: not read as basepin's (${reading.kind})`);
    }
    return new _OrgDashboardIssue(github, serverUrl, void 0, /* @__PURE__ */ new Map());
  }
  /** What the previous runs left: when each repository was last reached. */
  get state() {
    return this.#state;
  }
  /** Merges this run's rows so far and writes the body (created once, then updated when it changed). */
  async save(rows, now) {
    const state = mergeOrgState(this.#state, rows, now);
    const body = renderOrgDashboard({ rows, state, serverUrl: this.#serverUrl, now });
    if (this.#issue === void 0) {
      this.#issue = await this.#github.createIssue({
        title: orgDashboardTitle,
        body,
        labels: [orgDashboardLabel]
      });
    } else if (body !== this.#body) await this.#github.updateIssueBody(this.#issue.number, body);
    this.#body = body;
  }
};

// src/org-run/org-run.ts
async function runOrganisation(input, deps) {
  const listed2 = await listInstallationRepositories(deps.octokit);
  const { selected, skipped, unmatched } = selectRepositories(listed2, input.selection);
  const only = input.only === void 0 ? void 0 : new Set(input.only.map((name) => name.toLowerCase()));
  const inShard = (name) => only === void 0 || only.has(name.toLowerCase());
  const dashboard = deps.dashboard === void 0 ? void 0 : await OrgDashboardIssue.load(deps.dashboard, deps.serverUrl, deps.log);
  const order = resumeOrder(
    selected.filter((repository) => inShard(repository.fullName)),
    dashboard === void 0 ? {} : lastDoneOf(dashboard.state)
  );
  const rows = skipped.filter((s) => inShard(s.repository)).map(skippedRow);
  const shared = { ...deps, registry: memoizeRegistryClient(deps.registry) };
  let stopped = false;
  let lastSaved = deps.now().getTime();
  for (const [index, repository] of order.entries()) {
    if (deps.stopRequested?.() === true) {
      stopped = true;
      rows.push(...order.slice(index).map(pendingRow));
      break;
    }
    const row = await runRepository(repository, shared);
    rows.push(row);
    deps.onRow?.(row, index + 1, order.length);
    if (deps.now().getTime() - lastSaved >= saveEveryMs) {
      await saveDashboard2(dashboard, rows, deps);
      lastSaved = deps.now().getTime();
    }
  }
  await saveDashboard2(dashboard, rows, deps);
  return { rows, unmatched, stopped };
}
var saveEveryMs = 6e4;
function pendingRow(repository) {
  return { repository: repository.fullName, state: "pending", dockerfiles: 0, updates: 0, pullRequests: [] };
}
async function saveDashboard2(dashboard, rows, deps) {
  if (dashboard === void 0) return;
  try {
    await dashboard.save(rows, deps.now());
  } catch (error) {
    deps.log.warning(`org dashboard not saved: ${error.message}`);
  }
}

// src/cli/org-command.ts
function pacerFor(shards, io) {
  return new WritePacer({
    writesPerMinute: Math.max(1, Math.floor(80 / shards)),
    writesPerHour: Math.max(1, Math.floor(500 / shards)),
    ...io.pacerClock === void 0 ? {} : { clock: io.pacerClock }
  });
}
async function orgSettings(args, io, dryRun) {
  const configPath = args.config ?? defaultConfigPath;
  const file = await loadConfigSource(resolve(io.cwd, configPath), {
    required: args.config !== void 0,
    shown: configPath
  });
  const flags = {
    label: (key) => `--${key}`,
    values: dryRun ? { "dry-run": { kind: "boolean", value: true } } : {}
  };
  const env = io.env.BASEPIN_REGISTRY_CREDENTIALS;
  return {
    cwd: io.cwd,
    sources: [flags, file],
    credentials: credentialLines("BASEPIN_REGISTRY_CREDENTIALS", env ? [env] : [])
  };
}
function progressLine(row, done2, total) {
  const prs = row.pullRequests.length ? ` (${row.pullRequests.map((pr) => `#${pr.number}`).join(", ")})` : "";
  const error = row.error === void 0 ? "" : `: ${row.error}`;
  return `[${done2}/${total}] ${row.repository}: ${row.state}${prs}${error}
`;
}
async function runOrgCommand(argv, io, redactor) {
  try {
    return await orgCommand(parseOrgArgs(argv), io, redactor);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SettingsError || error instanceof OrgAuthError || error instanceof RepositorySelectionError || error instanceof ResolutionFileError || error instanceof ShardCountError) {
      io.stderr(`basepin: ${error.message}
`);
      return ExitCode.Usage;
    }
    if (error instanceof GitHubError) {
      io.stderr(`basepin: ${error.message}
`);
      return ExitCode.Unresolved;
    }
    throw error;
  }
}
async function orgCommand(args, io, redactor) {
  const env = io.env;
  const selection = parseRepositorySelection(args.repositories);
  const token = env.BASEPIN_TOKEN || env.GITHUB_TOKEN || void 0;
  const privateKey = args.privateKey === void 0 ? env.BASEPIN_APP_PRIVATE_KEY || void 0 : await readFile2(resolve(io.cwd, args.privateKey), "utf8").catch(() => {
    throw new OrgAuthError(`--private-key: ${args.privateKey} cannot be read`);
  });
  for (const secret of [token, privateKey]) if (secret) redactor.add(secret);
  const running = env.GITHUB_REPOSITORY;
  const owner = (selection.kind === "patterns" ? selection.patterns.find((p) => p.includes("/"))?.split("/")[0] : void 0) ?? running?.split("/")[0];
  const auth6 = orgAuthFrom({
    token,
    appId: args.appId,
    privateKey,
    installationId: args.installationId,
    owner
  });
  const resolution = args.mode === "run" ? await readResolutionFile(resolve(io.cwd, args.resolution)) : void 0;
  const only = resolution === void 0 ? void 0 : shardOf(resolution, args.shard);
  const dryRun = args.dryRun || args.mode === "plan";
  const org = await orgSettings(args, io, dryRun);
  const settings = runSettings(org);
  for (const { username, password } of Object.values(settings.credentials))
    redactor.addCredential(username, password);
  await io.prepareNetwork?.();
  const log = {
    info: (line) => args.debug ? io.stderr(`${line}
`) : void 0,
    warning: (line) => io.stderr(`basepin: ${line}
`),
    debug: (line) => args.debug ? io.stderr(`${line}
`) : void 0
  };
  const { octokit } = await createOrgClient({
    auth: auth6,
    pacer: pacerFor(resolution?.shards.length ?? 1, io),
    ...env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {},
    log,
    ...io.pacerClock === void 0 ? {} : { clock: io.pacerClock },
    ...io.githubRetryDelayUnitMs === void 0 ? {} : { retryDelayUnitMs: io.githubRetryDelayUnitMs }
  });
  const live = io.registry?.(settings) ?? registryClientFor(settings, {
    dockerConfigDir: env.DOCKER_CONFIG,
    onSecret: (secret) => redactor.add(secret)
  });
  const osv = io.osv?.(settings) ?? osvClientFor(settings, log.debug);
  const signatureTrust = await signatureTrustFor(settings);
  const recording = args.mode === "plan" ? recordResolution(live) : void 0;
  const registry = resolution !== void 0 ? resolutionClient(resolution) : recording?.client ?? live;
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const dashboardRepo = args.mode === "all" && !dryRun && running !== void 0 && running.includes("/") ? { owner: running.split("/")[0], repo: running.split("/")[1] } : void 0;
  let stop = false;
  const onTerm = () => {
    stop = true;
    io.stderr("basepin: stopping after the current repository\n");
  };
  process.once("SIGTERM", onTerm);
  let result;
  try {
    result = await runOrganisation(
      { selection, ...only === void 0 ? {} : { only } },
      {
        octokit,
        blobs: new BlobCache(),
        registry,
        org,
        serverUrl,
        log,
        now: io.now ?? (() => /* @__PURE__ */ new Date()),
        osv,
        signatureTrust,
        ...dashboardRepo === void 0 ? {} : { dashboard: createGitHubRepository(octokit, dashboardRepo) },
        stopRequested: () => stop,
        onRow: (row, done2, total) => {
          if (io.interactive && !args.json) io.stderr(progressLine(row, done2, total));
        }
      }
    );
  } finally {
    process.removeListener("SIGTERM", onTerm);
  }
  const { rows, unmatched } = result;
  for (const pattern of unmatched) io.stderr(`basepin: --repositories ${pattern} matched no repository
`);
  if (recording !== void 0) {
    const items = rows.filter((row) => row.state !== "skipped" && row.state !== "pending").map((row) => ({ repository: row.repository, weight: row.dockerfiles }));
    const shards = items.length === 0 ? [[]] : assignShards(items, args.shards);
    await writeResolutionFile(resolve(io.cwd, args.resolution), {
      createdAt: (/* @__PURE__ */ new Date()).toISOString(),
      shards,
      answers: recording.answers()
    });
    io.stdout(`${JSON.stringify(shardMatrix(shards))}
`);
    io.stderr(`basepin: ${countsLine(rows)} ${shards.length} shard(s) in ${args.resolution}
`);
    return orgExitCode(rows);
  }
  if (args.json) io.stdout(`${JSON.stringify(rowsJson(rows), null, 2)}
`);
  else {
    for (const row of rows.filter((r) => r.state === "failed"))
      io.stderr(`basepin: ${row.repository}: ${row.error}
`);
    io.stdout(`${countsLine(rows)}
`);
  }
  if (env.GITHUB_STEP_SUMMARY)
    await appendFile(env.GITHUB_STEP_SUMMARY, redactor.redact(renderOrgSummary(rows, serverUrl)));
  return orgExitCode(rows);
}

export {
  Octokit,
  restEndpointMethods,
  paginateRest,
  createGitHubClient,
  createGitHubRepository,
  readRunEvent,
  getDefaultBranch,
  runAction,
  runComment,
  runDashboardEdit,
  renderJobSummary,
  runOrgCommand
};
