package dev.horn.keras.functional;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's visual and video question answering models, built at full size and summarised
 * (165 and 169 million weights: slow to initialise, so tagged). The video model reuses the
 * image model's vision encoder and question encoder, weights and all.
 */
@Tag("slow")
class QuestionAnsweringModelsTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
        setRandomSeed(1);
    }

    @Test
    void visualAndVideoQuestionAnsweringModelsShareTheirEncoders() {
        var visionModel = sequential();
        visionModel.add(layerConv2d(64, 3, 3).activation("relu").padding("same").inputShape(224, 224, 3));
        visionModel.add(layerConv2d(64, 3, 3).activation("relu"));
        visionModel.add(layerMaxPooling2d(2, 2));
        visionModel.add(layerConv2d(128, 3, 3).activation("relu").padding("same"));
        visionModel.add(layerConv2d(128, 3, 3).activation("relu"));
        visionModel.add(layerMaxPooling2d(2, 2));
        visionModel.add(layerConv2d(256, 3, 3).activation("relu").padding("same"));
        visionModel.add(layerConv2d(256, 3, 3).activation("relu"));
        visionModel.add(layerConv2d(256, 3, 3).activation("relu"));
        visionModel.add(layerMaxPooling2d(2, 2));
        visionModel.add(layerFlatten());

        var imageInput = layerInput(224, 224, 3);
        var encodedImage = imageInput.then(visionModel);
        var questionInput = layerInput(100).dtype(DType.INT32);
        var encodedQuestion = questionInput.then(layerEmbedding(10000, 256).inputLength(100)).then(layerLstm(256));
        var output = layerConcatenate(encodedQuestion, encodedImage).then(layerDense(1000).activation("softmax"));
        var vqaModel = kerasModel(List.of(imageInput, questionInput), output);
        assertThat(vqaModel.summaryString(98)).isEqualTo(SummaryText.expected("vqa-summary.txt"));

        var videoInput = layerInput(100, 224, 224, 3);
        var encodedVideo = videoInput.then(timeDistributed(visionModel)).then(layerLstm(256));
        var questionEncoder = kerasModel(questionInput, encodedQuestion);
        var videoQuestionInput = layerInput(100).dtype(DType.INT32);
        var encodedVideoQuestion = videoQuestionInput.then(questionEncoder);
        var videoOutput = layerConcatenate(encodedVideo, encodedVideoQuestion).then(layerDense(1000).activation("softmax"));
        var videoQaModel = kerasModel(List.of(videoInput, videoQuestionInput), videoOutput);

        assertThat(encodedVideo.shape()).isEqualTo(Shape.of(-1, 256));
        // vision 1,735,488 + LSTM over 160,000 features 164,103,168 + question encoder 3,085,312 + dense 513,000
        assertThat(videoQaModel.countParams()).isEqualTo(169_436_968L);
        assertThat(videoQaModel.summaryString(98)).contains(
                "time_distributed (TimeDistribut (None, 100, 160000)  1735488     input_3[0][0]",
                "model_1 (Functional)            (None, 256)          3085312     input_4[0][0]",
                "Total params: 169,436,968");
        // the encoders are the image model's own layers, not copies
        assertThat(questionEncoder.layers().get(1)).isSameAs(vqaModel.getLayer("embedding"));
        assertThat(vqaModel.getLayer("sequential")).isSameAs(visionModel);

        // the question encoder, called on the video model's input, gives the image model's encoding
        Tensor question = Tensor.of(new int[200], 2, 100);
        var questionOnly = kerasModel(videoQuestionInput, encodedVideoQuestion);
        assertThat(questionOnly.predict(question).toFloatArray()).containsExactly(questionEncoder.predict(question).toFloatArray());
    }
}
