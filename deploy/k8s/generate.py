#!/usr/bin/env python3
"""Writes deploy/k8s/base/*.yaml: one Deployment, Service and PodDisruptionBudget per Aviary service, HPAs for
the stateless ones, NetworkPolicies, the shared ConfigMap/Secret, the topic-provisioning Job, what bots need with
BOT_RUNTIME=kubernetes (orchestration-service's ServiceAccount, Role and RoleBinding, the bots' claim) and the
gateway's Ingress. The manifests
are committed; rerun this after changing the table below (DeployManifestsTest validates what is committed)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "base")

# name, port, replicas, stateless (HPA), callers besides the gateway, memory limit
SERVICES = [
    ("gateway", 8000, 2, True, [], "512Mi"),
    ("accounts-service", 8101, 2, True, ["trading-service", "orchestration-service"], "768Mi"),
    ("trading-service", 8102, 2, False, ["accounts-service"], "1Gi"),
    ("market-data-service", 8103, 2, False, ["backtesting-service"], "1Gi"),
    ("orchestration-service", 8104, 2, False, ["backtesting-service"], "768Mi"),
    ("backtesting-service", 8105, 2, False, [], "1536Mi"),
    ("archive-service", 8106, 2, True, [], "768Mi"),
]
LABEL = "app.kubernetes.io/name"
# BOT_RUNTIME=kubernetes (ADR 0020): every bot pod mounts sub-paths of this ReadWriteMany claim, which
# orchestration-service mounts whole at BOTS_PATH (deploy writes the instance folders there) and archive-service
# reads (bots/archived)
BOTS_CLAIM = "aviary-bots"
BOTS_PATH = "/var/lib/aviary/bots"
# exactly the API calls orchestration-service's KubernetesRuntime makes in its own namespace: pods are created, read,
# listed by label, deleted, and watched while stop waits for one to be gone (fabric8's waitUntilCondition);
# each bot's Secret (<pod>-env) is created, read and deleted, never listed
BOT_RULES = [
    {"apiGroups": [""], "resources": ["pods"], "verbs": ["create", "get", "list", "watch", "delete"]},
    {"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "get", "delete"]},
]
# which services mount the bots' claim, and how
BOTS_MOUNTS = {"orchestration-service": False, "archive-service": True}  # name -> read-only
PART_OF = {"app.kubernetes.io/part-of": "aviary"}


def labels(name):
    return {LABEL: name, **PART_OF}


def deployment(name, port, replicas, memory):
    gateway = name == "gateway"
    env = [{"name": "SERVER_PORT", "value": str(port)},
           {"name": "AVIARY_INSTANCE_ID", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}]
    mounts = [{"name": "tmp", "mountPath": "/tmp"}]
    volumes = [{"name": "tmp", "emptyDir": {}}]
    if name in BOTS_MOUNTS:
        env += [{"name": "BOTS_PATH", "value": BOTS_PATH}]
        mounts.append({"name": "bots", "mountPath": BOTS_PATH, "readOnly": BOTS_MOUNTS[name]})
        volumes.append({"name": "bots", "persistentVolumeClaim": {"claimName": BOTS_CLAIM,
                                                                   "readOnly": BOTS_MOUNTS[name]}})
    bots_api = name == "orchestration-service"  # the only service that talks to the Kubernetes API
    if bots_api:
        env += [{"name": "BOT_K8S_BOTS_PVC", "value": BOTS_CLAIM}]
    annotations = {} if gateway else {"prometheus.io/scrape": "true", "prometheus.io/port": str(port),
                                      "prometheus.io/path": "/actuator/prometheus"}
    probe = lambda group, delay: {"httpGet": {"path": "/actuator/health/" + group, "port": "http"},
                                  "initialDelaySeconds": delay, "periodSeconds": 10, "timeoutSeconds": 3,
                                  "failureThreshold": 3}
    return {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "labels": labels(name)},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {LABEL: name}},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
            "template": {
                "metadata": {"labels": labels(name), **({"annotations": annotations} if annotations else {})},
                "spec": {
                    **({"serviceAccountName": name} if bots_api else {}),
                    "automountServiceAccountToken": bots_api,
                    "securityContext": {"runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001,
                                        "fsGroup": 10001, "seccompProfile": {"type": "RuntimeDefault"}},
                    "terminationGracePeriodSeconds": 40,
                    "containers": [{
                        "name": name,
                        "image": "aviary/%s:local" % name,
                        "imagePullPolicy": "IfNotPresent",
                        "ports": [{"name": "http", "containerPort": port, "protocol": "TCP"}],
                        "envFrom": [{"configMapRef": {"name": "aviary-config"}},
                                    {"secretRef": {"name": "aviary-secrets"}}],
                        "env": env,
                        "resources": {"requests": {"cpu": "250m", "memory": "512Mi"},
                                      "limits": {"memory": memory}},
                        "startupProbe": {"httpGet": {"path": "/actuator/health/liveness", "port": "http"},
                                         "periodSeconds": 5, "failureThreshold": 36},
                        "livenessProbe": probe("liveness", 0),
                        "readinessProbe": probe("readiness", 0),
                        "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                            "capabilities": {"drop": ["ALL"]}},
                        "volumeMounts": mounts,
                    }],
                    "volumes": volumes,
                },
            },
        },
    }


def service(name, port):
    return {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "labels": labels(name)},
            "spec": {"selector": {LABEL: name}, "ports": [{"name": "http", "port": port, "targetPort": "http"}]}}


def pdb(name):
    return {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
            "metadata": {"name": name, "labels": labels(name)},
            "spec": {"minAvailable": 1, "selector": {"matchLabels": {LABEL: name}}}}


def hpa(name, replicas):
    return {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
            "metadata": {"name": name, "labels": labels(name)},
            "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
                     "minReplicas": replicas, "maxReplicas": 6,
                     "metrics": [{"type": "Resource", "resource": {"name": "cpu",
                                                                    "target": {"type": "Utilization",
                                                                               "averageUtilization": 70}}}]}}


def network_policy(name, port, callers):
    sources = [{"podSelector": {"matchLabels": {LABEL: caller}}} for caller in ["gateway"] + callers]
    sources.append({"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}})
    if name == "gateway":  # the gateway is the entry point: anyone may reach it (an Ingress controller, a LoadBalancer)
        sources = [{"ipBlock": {"cidr": "0.0.0.0/0"}}]
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": name + "-ingress", "labels": labels(name)},
            "spec": {"podSelector": {"matchLabels": {LABEL: name}}, "policyTypes": ["Ingress"],
                     "ingress": [{"from": sources, "ports": [{"protocol": "TCP", "port": port}]}]}}


def default_deny():
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "default-deny-ingress", "labels": dict(PART_OF)},
            "spec": {"podSelector": {}, "policyTypes": ["Ingress"]}}


def config_map():
    data = {"SERVER_ADDRESS": "0.0.0.0", "KAFKA_BOOTSTRAP_SERVERS": "kafka:9092", "BROKER_HOST": "mqtt",
            "BROKER_PORT": "1883", "BOT_RUNTIME": "kubernetes", "AVIARY_TOPIC_PARTITIONS": "3",
            "MANAGEMENT_TRACING_SAMPLING_PROBABILITY": "0.1", "AVIARY_GATEWAY_BIND_ADDRESS": "0.0.0.0"}
    for name, port, *_ in SERVICES[1:]:
        key = "AVIARY_%s_URL" % name.removesuffix("-service").upper().replace("-", "_")
        data[key] = "http://%s:%d" % (name, port)
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aviary-config", "labels": dict(PART_OF)},
            "data": data}


def secret():
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "aviary-secrets", "labels": dict(PART_OF)},
            "type": "Opaque",
            # placeholders: an overlay (or `kubectl create secret`) supplies the real values
            "stringData": {"DATABASE_URL": "postgresql://aviary:change-me@postgres:5432/aviary",
                           "USERNAME": "admin", "PASSWORD": "change-me", "CONFIG_PASSWORD": "change-me",
                           "AVIARY_INTERNAL_TOKEN": "change-me-to-a-long-random-token"}}


def topics_job():
    return {"apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": "aviary-topics", "labels": dict(PART_OF)},
            "spec": {"backoffLimit": 10, "ttlSecondsAfterFinished": 3600,
                     "template": {"metadata": {"labels": {LABEL: "aviary-topics", **PART_OF}},
                                  "spec": {"restartPolicy": "OnFailure",
                                           "automountServiceAccountToken": False,
                                           "securityContext": {"runAsNonRoot": True, "runAsUser": 10001,
                                                               "seccompProfile": {"type": "RuntimeDefault"}},
                                           "containers": [{
                                               "name": "provision-topics",
                                               "image": "aviary/devstack:local",
                                               "imagePullPolicy": "IfNotPresent",
                                               # ./run.sh --provision-topics: creates missing topics, grows short ones, once
                                               "args": ["--provision-topics"],
                                               "envFrom": [{"configMapRef": {"name": "aviary-config"}}],
                                               "resources": {"requests": {"cpu": "100m", "memory": "256Mi"},
                                                             "limits": {"memory": "512Mi"}},
                                               "securityContext": {"allowPrivilegeEscalation": False,
                                                                   "readOnlyRootFilesystem": True,
                                                                   "capabilities": {"drop": ["ALL"]}}}]}}}}


def bots_access():
    """orchestration-service's identity for BOT_RUNTIME=kubernetes: a ServiceAccount bound to a Role of exactly the
    verbs its runtime uses, in the suite's own namespace (BOT_K8S_NAMESPACE blank: bots run beside the services)."""
    name = "orchestration-service"
    account = {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "labels": labels(name)}}
    role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
            "metadata": {"name": name + "-bots", "labels": labels(name)}, "rules": BOT_RULES}
    binding = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
               "metadata": {"name": name + "-bots", "labels": labels(name)},
               "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": name + "-bots"},
               # kustomize's namespace transformer rewrites this with the base's (or an overlay's) namespace
               "subjects": [{"kind": "ServiceAccount", "name": name, "namespace": "aviary"}]}
    return account, role, binding


def bots_claim():
    # no storageClassName: the cluster's default class must offer ReadWriteMany (NFS, CephFS, EFS...), else an overlay
    # names one
    return {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": BOTS_CLAIM, "labels": labels("aviary-bots")},
            "spec": {"accessModes": ["ReadWriteMany"], "resources": {"requests": {"storage": "10Gi"}}}}


def gateway_ingress():
    # the API's one way in (Basic auth, served by the gateway); no ingressClassName: the cluster's default class, and
    # no host or TLS: an overlay adds them for its domain
    port = next(p for n, p, *_ in SERVICES if n == "gateway")
    return {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
            "metadata": {"name": "gateway", "labels": labels("gateway")},
            "spec": {"rules": [{"http": {"paths": [{
                "path": "/", "pathType": "Prefix",
                "backend": {"service": {"name": "gateway", "port": {"number": port}}}}]}}]}}


def write(file_name, *documents):
    with open(os.path.join(BASE, file_name), "w") as out:
        out.write("# generated by deploy/k8s/generate.py; edit the generator, not this file\n")
        out.write("\n---\n".join(json.dumps(d, indent=2) for d in documents) + "\n")


def main():
    os.makedirs(BASE, exist_ok=True)
    resources = []
    for name, port, replicas, stateless, callers, memory in SERVICES:
        docs = [deployment(name, port, replicas, memory), service(name, port), pdb(name),
                network_policy(name, port, callers)]
        if stateless:
            docs.append(hpa(name, replicas))
        write(name + ".yaml", *docs)
        resources.append(name + ".yaml")
    write("config.yaml", config_map(), secret())
    write("network-default-deny.yaml", default_deny())
    write("topics-job.yaml", topics_job())
    write("bots-runtime.yaml", *bots_access(), bots_claim())
    write("gateway-ingress.yaml", gateway_ingress())
    resources += ["config.yaml", "network-default-deny.yaml", "topics-job.yaml", "bots-runtime.yaml",
                  "gateway-ingress.yaml"]
    with open(os.path.join(BASE, "kustomization.yaml"), "w") as out:
        out.write("# generated by deploy/k8s/generate.py\napiVersion: kustomize.config.k8s.io/v1beta1\n"
                  "kind: Kustomization\nnamespace: aviary\n"
                  "resources:\n" + "".join("  - %s\n" % r for r in sorted(resources)))


if __name__ == "__main__":
    main()
