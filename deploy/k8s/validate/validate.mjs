// Validates Kubernetes objects (multi-document YAML on stdin, as `kubectl kustomize` prints them)
// against the Kubernetes and Strimzi OpenAPI schemas, with the well-kept kubernetes-models packages
// (github.com/tommy351/kubernetes-models-ts): every object must be a kind the packages know, at its
// API version, and pass the schema's types, required fields, enums and formats. Exits 1 on any error.
//
//   npm ci --prefix deploy/k8s/validate
//   kubectl kustomize deploy/k8s/overlays/production | node deploy/k8s/validate/validate.mjs
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

/** The module that holds the models of one API version: core, built-in groups, then Strimzi's. */
async function modelsOf(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "") {
    return import(`kubernetes-models/${version}`);
  }
  if (group.endsWith(".strimzi.io")) {
    if (version !== "v1") {
      throw new Error("Strimzi 1.0 and later serve only the v1 API");
    }
    return import(`@kubernetes-models/strimzi-kafka-operator/${group}/${version}`);
  }
  const builtIn = group.endsWith(".k8s.io") || !group.includes(".") ? group : null;
  if (builtIn === null) {
    throw new Error(`no schema is known for the API group ${group}`);
  }
  return import(`kubernetes-models/${group}/${version}`);
}

const documents = parseAllDocuments(readFileSync(0, "utf8"));
let objects = 0;
const errors = [];
for (const document of documents) {
  if (document.errors.length > 0) {
    errors.push(`not YAML: ${document.errors[0].message}`);
    continue;
  }
  const object = document.toJS();
  if (object === null) {
    continue;
  }
  objects++;
  const name = `${object.kind ?? "?"} ${object.metadata?.name ?? "?"} (${object.apiVersion ?? "?"})`;
  try {
    const Model = (await modelsOf(object.apiVersion ?? ""))[object.kind];
    if (typeof Model !== "function") {
      throw new Error(`${object.apiVersion} has no kind ${object.kind}`);
    }
    new Model(object).validate();
  } catch (e) {
    errors.push(`${name}: ${e.message}`);
  }
}
for (const error of errors) {
  console.error(error);
}
console.log(`${objects} objects, ${errors.length} invalid`);
process.exit(errors.length === 0 && objects > 0 ? 0 : 1);
